package dev.apiorm.dialect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.dialect.jsonserver.JsonServerDialect;
import dev.apiorm.dialect.odata.ODataDialect;
import dev.apiorm.dialect.spring.SpringDataRestDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;
import dev.apiorm.exception.ConfigurationException;

/**
 * The dialects a set of clients can choose from by name ({@code api-orm.dialect}). In
 * Spring Boot they are the application's {@link Dialect} beans, the built-in ones among
 * them; without Boot, the built-in ones and those given to the builder.
 */
public final class DialectRegistry {

	private final Map<String, Dialect> dialects = new TreeMap<>();

	/**
	 * A registry of some dialects; a later dialect replaces an earlier one of the same
	 * name.
	 * @param dialects the dialects
	 */
	public DialectRegistry(Collection<? extends Dialect> dialects) {
		Assert.notNull(dialects, "dialects must not be null");
		dialects.forEach((dialect) -> this.dialects.put(dialect.name().toLowerCase(Locale.ROOT), dialect));
	}

	/**
	 * The built-in dialects, then some of one's own.
	 * @param jsonMapper the mapper the built-in dialects read bodies with
	 * @param drfNegationSuffix the suffix of the negated filters a DRF API declares,
	 * {@code null} when it declares none
	 * @param custom dialects of one's own, which may replace a built-in one
	 * @return the registry
	 */
	public static DialectRegistry withBuiltIns(JsonMapper jsonMapper, @Nullable String drfNegationSuffix,
			Collection<? extends Dialect> custom) {
		List<Dialect> all = new ArrayList<>();
		all.add(new DrfDialect(jsonMapper, drfNegationSuffix));
		all.add(new JsonServerDialect(jsonMapper));
		all.add(new SpringDataRestDialect(jsonMapper));
		all.add(new SpringPageDialect(jsonMapper));
		all.add(new JsonApiDialect(jsonMapper));
		all.add(new ODataDialect(jsonMapper));
		all.addAll(custom);
		return new DialectRegistry(all);
	}

	/**
	 * The dialect of a name.
	 * @param name the name, in any case
	 * @param propertyPrefix the prefix of the client's properties, for the message
	 * @return the dialect
	 * @throws ConfigurationException when no dialect has that name
	 */
	public Dialect get(String name, String propertyPrefix) {
		Dialect dialect = this.dialects.get(name.toLowerCase(Locale.ROOT));
		if (dialect == null) {
			throw new ConfigurationException("Invalid value '" + name + "' for " + propertyPrefix
					+ "dialect: must be one of " + this.dialects.keySet());
		}
		return dialect;
	}

	/**
	 * The names of the dialects.
	 * @return the names
	 */
	public Collection<String> names() {
		return this.dialects.keySet();
	}

}
