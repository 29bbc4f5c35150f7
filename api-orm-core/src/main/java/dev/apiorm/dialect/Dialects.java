package dev.apiorm.dialect;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.ConfigurationException;

/**
 * The dialects api-orm knows by name.
 */
public final class Dialects {

	/** The names accepted by {@code api-orm.dialect}. */
	public static final List<String> NAMES = List.of(DrfDialect.NAME);

	private Dialects() {
	}

	/**
	 * The dialect with a name.
	 * @param name the name, such as {@code drf}
	 * @param mapper the JSON mapper the dialect reads error bodies with
	 * @return the dialect
	 * @throws ConfigurationException when no dialect has that name
	 */
	public static Dialect create(String name, JsonMapper mapper) {
		if (DrfDialect.NAME.equalsIgnoreCase(name)) {
			return new DrfDialect(mapper);
		}
		throw new ConfigurationException("Unknown dialect '" + name + "'; known dialects: " + NAMES);
	}

}
