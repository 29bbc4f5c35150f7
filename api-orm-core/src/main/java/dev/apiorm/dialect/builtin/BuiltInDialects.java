package dev.apiorm.dialect.builtin;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.dialect.jsonserver.JsonServerDialect;
import dev.apiorm.dialect.odata.ODataDialect;
import dev.apiorm.dialect.spring.SpringDataRestDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;

/**
 * The one list of the built-in dialects. {@code ApiOrm.builder()} makes the clients'
 * instances from it ({@link ClientDialects}), and Spring Boot registers one replaceable
 * bean per entry.
 */
public final class BuiltInDialects {

	/** Every built-in dialect, {@code drf} first. */
	public static final List<BuiltIn<?>> ALL = List.of(
			new BuiltIn<>(DrfDialect.NAME, DrfDialect.class, DialectSettings::drfNegationSuffix,
					(mapper, settings, property) -> new DrfDialect(mapper, settings.drfNegationSuffix(), property)),
			new BuiltIn<>(JsonServerDialect.NAME, JsonServerDialect.class, (settings) -> null,
					(mapper, settings, property) -> new JsonServerDialect(mapper)),
			new BuiltIn<>(SpringDataRestDialect.NAME, SpringDataRestDialect.class, DialectSettings::springDataRest,
					(mapper, settings, property) -> new SpringDataRestDialect(mapper, settings.springDataRest(),
							property)),
			new BuiltIn<>(SpringPageDialect.NAME, SpringPageDialect.class, DialectSettings::springPage,
					(mapper, settings, property) -> new SpringPageDialect(mapper, settings.springPage(), property)),
			new BuiltIn<>(JsonApiDialect.NAME, JsonApiDialect.class, DialectSettings::jsonapi,
					(mapper, settings, property) -> new JsonApiDialect(mapper, settings.jsonapi(), property)),
			new BuiltIn<>(ODataDialect.NAME, ODataDialect.class, (settings) -> null,
					(mapper, settings, property) -> new ODataDialect(mapper)));

	private BuiltInDialects() {
	}

	/**
	 * The built-in dialect of a name.
	 * @param name the name, in lower case
	 * @return the entry, {@code null} when no built-in dialect has that name
	 */
	public static @Nullable BuiltIn<?> named(String name) {
		for (BuiltIn<?> builtIn : ALL) {
			if (builtIn.name().equals(name)) {
				return builtIn;
			}
		}
		return null;
	}

	/**
	 * One built-in dialect.
	 *
	 * @param <D> the dialect's class
	 * @param name its name in {@code api-orm.dialect}, also the key of its settings
	 * ({@code api-orm.spring-page.*})
	 * @param type its class
	 * @param settings the part of {@link DialectSettings} it is made from, {@code null}
	 * for a dialect that takes none
	 * @param factory how it is made
	 */
	public record BuiltIn<D extends Dialect>(String name, Class<D> type,
			Function<DialectSettings, @Nullable Object> settings, Factory<D> factory) {

		/**
		 * Makes the dialect.
		 * @param mapper the mapper it reads and writes bodies with
		 * @param settings the client's dialect settings
		 * @param propertyPrefix the prefix of the client's properties ({@code api-orm.}
		 * or {@code api-orm.clients.<name>.}), for messages
		 * @return the dialect
		 * @throws dev.apiorm.exception.ConfigurationException naming the property of a
		 * wrong setting
		 */
		public D create(JsonMapper mapper, DialectSettings settings, String propertyPrefix) {
			return this.factory.create(mapper, settings, propertyPrefix + this.name);
		}

		/**
		 * Whether two clients' settings make the same dialect.
		 * @param one the settings of one client
		 * @param other those of another
		 * @return {@code true} when the part this dialect is made from is the same
		 */
		public boolean sameSettings(DialectSettings one, DialectSettings other) {
			return Objects.equals(this.settings.apply(one), this.settings.apply(other));
		}

	}

	/**
	 * Makes a built-in dialect from a client's settings.
	 *
	 * @param <D> the dialect's class
	 */
	@FunctionalInterface
	public interface Factory<D extends Dialect> {

		/**
		 * Makes the dialect.
		 * @param mapper the mapper it reads and writes bodies with
		 * @param settings the client's dialect settings
		 * @param property the prefix of the properties of this dialect
		 * ({@code api-orm.clients.books.spring-page}), for messages
		 * @return the dialect
		 */
		D create(JsonMapper mapper, DialectSettings settings, String property);

	}

}
