package dev.apiorm.dialect.builtin;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.DialectRegistry;
import dev.apiorm.dialect.convention.ConventionDescription;
import dev.apiorm.dialect.convention.ConventionDialect;
import dev.apiorm.exception.ConfigurationException;

/**
 * The dialect instance of each client. A dialect given by the application (a bean, or
 * {@code ApiOrm.builder().dialect(...)}) is shared by every client that chooses it; a
 * built-in one is made from the client's {@link DialectSettings}, once per distinct
 * settings, so that clients whose settings differ ({@code api-orm.clients.<name>.drf.*})
 * each get their own and the others share one.
 * <p>
 * A given dialect of a built-in name replaces the built-in one for the clients whose
 * settings are those it was made with. A client whose settings differ gets an instance of
 * its own when the given one is of the built-in class; when it is the application's own
 * class, which takes no settings, start-up fails naming the client's property rather than
 * ignoring it.
 */
public final class ClientDialects {

	private final JsonMapper mapper;

	private final DialectRegistry given;

	private final DialectSettings givenWith;

	private final Map<Made, Dialect> made = new HashMap<>();

	/**
	 * The dialects of a set of clients.
	 * @param mapper the mapper the built-in dialects read and write bodies with
	 * @param given the dialects given by the application, which replace built-in ones of
	 * the same name
	 * @param givenWith the settings the given dialects of built-in names were made with
	 * (in Spring Boot, those of {@code api-orm.*})
	 */
	public ClientDialects(JsonMapper mapper, Collection<? extends Dialect> given, DialectSettings givenWith) {
		Assert.notNull(mapper, "mapper must not be null");
		Assert.notNull(givenWith, "givenWith must not be null");
		this.mapper = mapper;
		this.given = new DialectRegistry(given);
		this.givenWith = givenWith;
	}

	/**
	 * The dialect of a client.
	 * @param settings the client's dialect settings
	 * @param propertyPrefix the prefix of the client's properties ({@code api-orm.} or
	 * {@code api-orm.clients.<name>.}), for messages
	 * @return the dialect
	 * @throws ConfigurationException naming the property when no dialect has the name,
	 * when a setting is wrong, or when the settings cannot apply to the application's
	 * dialect of that name
	 */
	public synchronized Dialect dialectOf(DialectSettings settings, String propertyPrefix) {
		String name = settings.name().trim().toLowerCase(Locale.ROOT);
		BuiltInDialects.BuiltIn<?> builtIn = BuiltInDialects.named(name);
		Dialect given = this.given.find(name);
		if (given != null && (builtIn == null || builtIn.sameSettings(settings, this.givenWith))) {
			return given;
		}
		if (builtIn == null && given == null && ConventionDialect.NAME.equals(name)) {
			return convention(settings, propertyPrefix);
		}
		if (builtIn == null) {
			throw new ConfigurationException("Invalid value '" + settings.name() + "' for " + propertyPrefix
					+ "dialect: must be one of " + names());
		}
		if (given != null && given.getClass() != builtIn.type()) {
			throw new ConfigurationException("Invalid value for " + propertyPrefix + name + ".*: the '" + name
					+ "' dialect is the application's " + given.getClass().getName()
					+ ", which is not configured by properties; set these keys where it is made, or drop them");
		}
		return this.made.computeIfAbsent(new Made(name, builtIn.settings().apply(settings)),
				(key) -> builtIn.create(this.mapper, settings, propertyPrefix));
	}

	private Dialect convention(DialectSettings settings, String propertyPrefix) {
		ConventionDescription description = settings.convention();
		if (description == null) {
			throw new ConfigurationException(propertyPrefix + "dialect is '" + ConventionDialect.NAME + "', but "
					+ propertyPrefix + "convention.* describes none (set at least convention.preset)");
		}
		return this.made.computeIfAbsent(new Made(ConventionDialect.NAME, description),
				(key) -> new ConventionDialect(this.mapper, description, propertyPrefix + "convention"));
	}

	private Set<String> names() {
		Set<String> names = new TreeSet<>(this.given.names());
		names.add(ConventionDialect.NAME);
		BuiltInDialects.ALL.forEach((builtIn) -> names.add(builtIn.name()));
		return names;
	}

	/**
	 * A built-in dialect made from some settings.
	 */
	private record Made(String name, @Nullable Object settings) {
	}

}
