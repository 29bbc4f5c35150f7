package dev.apiorm.dialect.builtin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.Q;
import dev.apiorm.dialect.DeclaredFilters;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.dialect.jsonserver.JsonServerDialect;
import dev.apiorm.dialect.odata.ODataDialect;
import dev.apiorm.dialect.spring.SpringDataRestDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each client gets the dialect its settings make: built-in ones once per distinct
 * settings, the application's own where their settings are those they were made with.
 */
class ClientDialectsTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DialectSettings DRF = DialectSettings.DEFAULTS;

	@Test
	void theSixBuiltInDialectsAreListedOnceEachWithItsClass() {
		assertThat(BuiltInDialects.ALL).extracting(BuiltInDialects.BuiltIn::name)
			.containsExactly("drf", "json-server", "spring-data-rest", "spring-page", "jsonapi", "odata");
		assertThat(BuiltInDialects.ALL).<Class<?>>extracting(BuiltInDialects.BuiltIn::type)
			.containsExactly(DrfDialect.class, JsonServerDialect.class, SpringDataRestDialect.class,
					SpringPageDialect.class, JsonApiDialect.class, ODataDialect.class);
		for (BuiltInDialects.BuiltIn<?> builtIn : BuiltInDialects.ALL) {
			Dialect dialect = builtIn.create(MAPPER, DialectSettings.DEFAULTS, "api-orm.");
			assertThat(dialect).isExactlyInstanceOf(builtIn.type());
			assertThat(dialect.name()).isEqualTo(builtIn.name());
		}
		assertThat(BuiltInDialects.named("soap")).isNull();
	}

	@Test
	void clientsWithTheSameSettingsShareAnInstanceAndOthersGetTheirOwn() {
		ClientDialects dialects = new ClientDialects(MAPPER, List.of(), DialectSettings.DEFAULTS);
		Dialect plain = dialects.dialectOf(DRF, "api-orm.");
		assertThat(dialects.dialectOf(DRF.withSpringPage(new DeclaredFilters(List.of("gte"), "{field}", Map.of())),
				"api-orm.clients.other."))
			.as("settings of another dialect make no difference")
			.isSameAs(plain);
		Dialect negating = dialects.dialectOf(DRF.withDrfNegationSuffix("n"), "api-orm.clients.netbox.");
		assertThat(negating).isNotSameAs(plain);
		assertThat(dialects.dialectOf(DRF.withDrfNegationSuffix("n"), "api-orm.clients.more.")).isSameAs(negating);
		assertThat(negating.queryParameters(Q.of("role", "x").negate(), List.of())).isEqualTo("role__n=x");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> plain.queryParameters(Q.of("role", "x").negate(), List.of()))
			.withMessageContaining("api-orm.drf.negation-suffix");
	}

	@Test
	void aGivenDialectServesTheClientsWhoseSettingsItWasMadeWith() {
		DrfDialect given = new DrfDialect(MAPPER, "not");
		DialectSettings madeWith = DRF.withDrfNegationSuffix("not");
		ClientDialects dialects = new ClientDialects(MAPPER, List.of(given), madeWith);
		assertThat(dialects.dialectOf(madeWith, "api-orm.")).isSameAs(given);
		Dialect own = dialects.dialectOf(DRF, "api-orm.clients.strict.");
		assertThat(own).isNotSameAs(given).isExactlyInstanceOf(DrfDialect.class);
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> own.queryParameters(Q.of("role", "x").negate(), List.of()))
			.withMessageContaining("api-orm.clients.strict.drf.negation-suffix");
	}

	@Test
	void settingsThatCannotApplyToTheApplicationsOwnDialectAreRefused() {
		Dialect custom = new DrfDialect(MAPPER, null) {
		};
		ClientDialects dialects = new ClientDialects(MAPPER, List.of(custom), DRF);
		assertThat(dialects.dialectOf(DRF, "api-orm.")).isSameAs(custom);
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialects.dialectOf(DRF.withDrfNegationSuffix("n"), "api-orm.clients.netbox."))
			.withMessageContaining("api-orm.clients.netbox.drf.*");
	}

	@Test
	void aDialectOfAnotherNameIsChosenByItAndAnUnknownNameIsRefusedListingTheNames() {
		Dialect legacy = new DrfDialect(MAPPER, null) {
			@Override
			public String name() {
				return "legacy";
			}
		};
		ClientDialects dialects = new ClientDialects(MAPPER, List.of(legacy), DRF);
		assertThat(dialects.dialectOf(DRF.withName("Legacy").withDrfNegationSuffix("n"), "api-orm.")).isSameAs(legacy);
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialects.dialectOf(DRF.withName("soap"), "api-orm.clients.billing."))
			.withMessage(
					"Invalid value 'soap' for api-orm.clients.billing.dialect: must be one of [convention, drf, json-server, "
							+ "jsonapi, legacy, odata, spring-data-rest, spring-page]");
	}

	@Test
	void aWrongSettingIsNamedWithTheClientsProperty() {
		ClientDialects dialects = new ClientDialects(MAPPER, List.of(), DRF);
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> dialects.dialectOf(
				DRF.withName("jsonapi").withJsonapi(new DeclaredFilters(List.of("between"), "x{field}", Map.of())),
				"api-orm.clients.library."))
			.withMessageContaining("api-orm.clients.library.jsonapi.lookups");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialects.dialectOf(DRF.withDrfNegationSuffix("n&x"), "api-orm.clients.netbox."))
			.withMessageContaining("api-orm.clients.netbox.drf.negation-suffix");
	}

}
