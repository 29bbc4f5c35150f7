package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.Q;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.autoconfigure.app.AppPackage;
import dev.apiorm.autoconfigure.app.Invoice;
import dev.apiorm.autoconfigure.app.Person;
import dev.apiorm.autoconfigure.app.PersonApi;
import dev.apiorm.autoconfigure.app.ReactivePersonApi;
import dev.apiorm.autoconfigure.badmodel.BadModelPackage;
import dev.apiorm.autoconfigure.badquery.BadQueryPackage;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.dialect.jsonserver.JsonServerDialect;
import dev.apiorm.dialect.odata.ODataDialect;
import dev.apiorm.dialect.spring.SpringDataRestDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configuration with and without properties, with user beans, with each wrong
 * property, and with repository scanning on and off.
 */
class ApiOrmAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class, ValidationAutoConfiguration.class,
				ApiOrmAutoConfiguration.class, ApiRepositoriesAutoConfiguration.class));

	@Test
	void withoutPropertiesTheOrmHasNoClientAndNothingFails() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ApiOrm.class);
			assertThat(context.getBean(ApiOrm.class).clientNames()).isEmpty();
		});
	}

	@Test
	void propertiesConfigureTheDefaultClient() {
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com/v2", "api-orm.token=t0k",
				"api-orm.auth-scheme=Token", "api-orm.http2=true", "api-orm.timeout=7s", "api-orm.connect-timeout=2s",
				"api-orm.page-size=50", "api-orm.pagination=page-number", "api-orm.pool.max-connections=12",
				"api-orm.pool.max-pending-acquires=7", "api-orm.max-concurrency=3", "api-orm.max-response-size=1MB",
				"api-orm.deadline=9s", "api-orm.verify-results=false", "api-orm.save-changed-fields=false",
				"api-orm.optimistic-locking=false")
			.run((context) -> {
				ApiClientSettings settings = context.getBean(ApiOrm.class).reactiveTemplate("default").getSettings();
				assertThat(settings.baseUrl()).hasToString("https://api.example.com/v2");
				assertThat(settings.token()).isEqualTo("t0k");
				assertThat(settings.headers().authScheme()).isEqualTo("Token");
				assertThat(settings.http().http2()).isTrue();
				assertThat(settings.http().timeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(settings.http().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.paging().pageSize()).isEqualTo(50);
				assertThat(settings.paging().pagination()).isEqualTo(dev.apiorm.Pagination.PAGE_NUMBER);
				assertThat(settings.pool().maxConnections()).isEqualTo(12);
				assertThat(settings.pool().maxPendingAcquires()).isEqualTo(7);
				assertThat(settings.http().deadline()).isEqualTo(Duration.ofSeconds(9));
				assertThat(settings.checks().verifyResults()).isFalse();
				assertThat(settings.writes().saveChangedFields()).isFalse();
				assertThat(settings.writes().optimisticLocking()).isFalse();
				assertThat(settings.http().maxConcurrency()).isEqualTo(3);
				assertThat(settings.http().maxResponseSize()).isEqualTo(1024 * 1024);
				assertThat(settings.toString()).doesNotContain("t0k");
			});
	}

	@Test
	void resultsAreVerifiedAndExcludeRefusedByDefault() {
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com").run((context) -> {
			ApiClientSettings settings = context.getBean(ApiOrm.class).reactiveTemplate("default").getSettings();
			assertThat(settings.checks().verifyResults()).isTrue();
			assertThat(settings.writes().saveChangedFields()).isTrue();
			assertThat(settings.writes().optimisticLocking()).isTrue();
			assertThatExceptionOfType(dev.apiorm.exception.UnsupportedQueryException.class)
				.isThrownBy(() -> context.getBean(DrfDialect.class)
					.queryParameters(dev.apiorm.Q.of("role", "banned").negate(), java.util.List.of()))
				.withMessageContaining("api-orm.drf.negation-suffix");
		});
	}

	@Test
	void headersUserAgentAndClientCustomizersReachEachClient() {
		java.util.List<String> customized = new java.util.ArrayList<>();
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.default-headers.X-Tenant=acme",
					"api-orm.user-agent=shop/1.2", "api-orm.compression=true", "api-orm.redirects=never",
					"api-orm.clients.billing.base-url=https://billing.example.com",
					"api-orm.clients.billing.user-agent=billing/3")
			.withBean(dev.apiorm.ApiOrmClientCustomizer.class, () -> (client, builder) -> customized.add(client))
			.run((context) -> {
				ApiOrm orm = context.getBean(ApiOrm.class);
				ApiClientSettings settings = orm.reactiveTemplate("default").getSettings();
				assertThat(settings.headers().defaultHeaders()).isEqualTo(java.util.Map.of("X-Tenant", "acme"));
				assertThat(settings.headers().userAgent()).isEqualTo("shop/1.2");
				assertThat(settings.http().compression()).isTrue();
				assertThat(settings.http().redirects()).isEqualTo(ApiClientSettings.Redirects.NEVER);
				ApiClientSettings billing = orm.reactiveTemplate("billing").getSettings();
				assertThat(billing.headers().userAgent()).isEqualTo("billing/3");
				assertThat(billing.headers().defaultHeaders()).isEqualTo(java.util.Map.of("X-Tenant", "acme"));
				assertThat(customized).containsExactly("default", "billing");
				assertThat(orm.webClient("billing")).isNotSameAs(orm.webClient("default"));
			});
	}

	@Test
	void drfNegationSuffixTurnsOnExclude() {
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.drf.negation-suffix=not")
			.run((context) -> assertThat(context.getBean(DrfDialect.class)
				.queryParameters(dev.apiorm.Q.of("role", "banned").negate(), java.util.List.of()))
				.isEqualTo("role__not=banned"));
	}

	@Test
	void namedClientsInheritUnsetKeysButNeverTheToken() {
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.token=main-token",
					"api-orm.page-size=25", "api-orm.clients.billing.base-url=https://billing.example.com",
					"api-orm.clients.billing.timeout=3s")
			.run((context) -> {
				ApiOrm orm = context.getBean(ApiOrm.class);
				assertThat(orm.clientNames()).containsExactly("default", "billing");
				ApiClientSettings billing = orm.reactiveTemplate("billing").getSettings();
				assertThat(billing.baseUrl()).hasToString("https://billing.example.com");
				assertThat(billing.paging().pageSize()).isEqualTo(25);
				assertThat(billing.http().timeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(billing.token()).isNull();
			});
	}

	@Test
	void userApiOrmTakesPrecedence() {
		this.runner.withUserConfiguration(UserOrmConfiguration.class)
			.withPropertyValues("api-orm.base-url=https://ignored.example.com")
			.run((context) -> assertThat(context).getBean(ApiOrm.class).isSameAs(UserOrmConfiguration.ORM));
	}

	@Test
	void builderCustomizersAreApplied() {
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com")
			.withBean(ApiOrmBuilderCustomizer.class,
					() -> (builder) -> builder
						.client(ApiClientSettings.defaults("extra", java.net.URI.create("https://extra.example.com"))))
			.run((context) -> assertThat(context.getBean(ApiOrm.class).clientNames()).contains("default", "extra"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "api-orm.base-url=ftp://files.example.com | api-orm.base-url",
			"api-orm.base-url=/relative/only | api-orm.base-url", "api-orm.base-url=http://a b | api-orm.base-url",
			"api-orm.page-size=-1 | api-orm.page-size", "api-orm.page-size=0 | api-orm.page-size",
			"api-orm.dialect=soap | api-orm.dialect", "api-orm.timeout=0s | api-orm.timeout",
			"api-orm.connect-timeout=-1s | api-orm.connect-timeout",
			"api-orm.pool.max-connections=0 | api-orm.pool.max-connections",
			"api-orm.pool.max-idle-connections=-2 | api-orm.pool.max-idle-connections",
			"api-orm.pool.max-pending-acquires=-2 | api-orm.pool.max-pending-acquires",
			"api-orm.retry.max-attempts=0 | api-orm.retry.max-attempts", "api-orm.deadline=0s | api-orm.deadline",
			"api-orm.bulk-concurrency=0 | api-orm.bulk-concurrency",
			"api-orm.drf.negation-suffix=n&x | api-orm.drf.negation-suffix",
			"api-orm.max-concurrency=0 | api-orm.max-concurrency", "api-orm.pagination=sideways | api-orm.pagination",
			"api-orm.clients.billing.page-size=5 | api-orm.clients.billing.base-url",
			"api-orm.clients.default.base-url=https://x.example.com | api-orm.clients.default" })
	void wrongValueStopsStartUpNamingTheProperty(String property, String name) {
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com", property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains(name.trim());
		});
	}

	@Test
	void tokenWithoutBaseUrlIsRejected() {
		this.runner.withPropertyValues("api-orm.token=abc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.base-url");
		});
	}

	@Test
	void repositoriesAreScannedInTheApplicationPackage() {
		this.runner.withUserConfiguration(AppPackage.class)
			.withPropertyValues("api-orm.base-url=https://api.example.com",
					"api-orm.clients.billing.base-url=https://billing.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(PersonApi.class)
					.hasSingleBean(ReactivePersonApi.class);
				assertThat(context
					.getBeanNamesForType(ResolvableType.forClassWithGenerics(ApiRepository.class, Invoice.class)))
					.hasSize(1);
				assertThat(context.getBeanNamesForType(
						ResolvableType.forClassWithGenerics(ReactiveApiRepository.class, Invoice.class)))
					.hasSize(1);
				// Two interfaces extend ApiRepository<Person>; the generic bean is
				// primary, so
				// injecting ApiRepository<Person> stays unambiguous.
				ResolvableType people = ResolvableType.forClassWithGenerics(ApiRepository.class, Person.class);
				assertThat(context.getBeanNamesForType(people)).containsExactlyInAnyOrder("personApi", "personQueries",
						"personApiRepository");
				assertThat(context.getBeanProvider(people).getObject())
					.isSameAs(context.getBean("personApiRepository"));
			});
	}

	@Test
	void eachInfrastructureBeanIsThereAndCanBeReplaced() {
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com").run((context) -> {
			assertThat(context).hasSingleBean(ApiMappingContext.class)
				.hasSingleBean(DrfDialect.class)
				.hasSingleBean(ApiExchangeObservationConvention.class)
				.hasSingleBean(ApiTemplates.class)
				.hasSingleBean(ReactiveApiOperations.class)
				.hasSingleBean(ApiOperations.class);
			assertThat(context.getBean(ReactiveApiOperations.class))
				.isSameAs(context.getBean(ApiTemplates.class).getReactive("default"));
			assertThat(context.getBean(ApiOrm.class).templates()).isSameAs(context.getBean(ApiTemplates.class));
		});
		ApiMappingContext own = new ApiMappingContext();
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com")
			.withBean(ApiMappingContext.class, () -> own)
			.run((context) -> assertThat(context.getBean(ApiTemplates.class).getMappingContext()).isSameAs(own));
	}

	@Test
	void everyBuiltInDialectIsABeanChosenByItsNameAndTheSpringOnesBindTheDeclaredLookups() {
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.dialect=spring-page",
					"api-orm.spring-page.lookups=exact,gte", "api-orm.spring-page.lookup-parameter={field}.{lookup}",
					"api-orm.clients.rest.base-url=https://rest.example.com",
					"api-orm.clients.rest.dialect=spring-data-rest",
					"api-orm.clients.prototype.base-url=http://127.0.0.1:3000",
					"api-orm.clients.prototype.dialect=json-server")
			.run((context) -> {
				assertThat(context).hasSingleBean(DrfDialect.class)
					.hasSingleBean(JsonApiDialect.class)
					.hasSingleBean(ODataDialect.class)
					.hasSingleBean(JsonServerDialect.class)
					.hasSingleBean(SpringPageDialect.class)
					.hasSingleBean(SpringDataRestDialect.class);
				ApiTemplates templates = context.getBean(ApiTemplates.class);
				Dialect page = templates.getReactive("default").getDialect();
				assertThat(page).isSameAs(context.getBean(SpringPageDialect.class));
				assertThat(page.queryParameters(Q.of("pages__gte", 3).and(Q.of("genre", "x")), List.of()))
					.isEqualTo("pages.gte=3&genre=x");
				Dialect rest = templates.getReactive("rest").getDialect();
				assertThat(rest).isSameAs(context.getBean(SpringDataRestDialect.class));
				assertThatExceptionOfType(UnsupportedQueryException.class)
					.isThrownBy(() -> rest.queryParameters(Q.of("genre", "x"), List.of()))
					.withMessageContaining("api-orm.spring-data-rest.lookups");
				assertThat(templates.getReactive("prototype").getDialect())
					.isSameAs(context.getBean(JsonServerDialect.class));
			});
	}

	@Test
	void anUnknownDeclaredLookupStopsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.spring-page.lookups=exact,between")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.spring-page.lookups"));
	}

	@Test
	void aDialectBeanOfTheApplicationIsChosenByItsName() {
		this.runner.withPropertyValues("api-orm.base-url=https://api.example.com",
				"api-orm.clients.legacy.base-url=https://legacy.example.com", "api-orm.clients.legacy.dialect=legacy")
			.withBean("legacyDialect", Dialect.class, () -> new DrfDialect(JsonMapper.builder().build(), "not") {
				@Override
				public String name() {
					return "legacy";
				}
			})
			.run((context) -> {
				ApiTemplates templates = context.getBean(ApiTemplates.class);
				assertThat(templates.getReactive("legacy").getDialect()).isSameAs(context.getBean("legacyDialect"));
				assertThat(templates.getReactive("default").getDialect()).isSameAs(context.getBean("drfDialect"));
			});
	}

	@Test
	void anObservationConventionBeanNamesTheExchanges() {
		List<String> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName() + " " + context.getLowCardinalityKeyValue("operation").getValue() + " "
						+ context.getLowCardinalityKeyValue("attempt").getValue());
			}
		});
		ApiExchangeObservationConvention custom = new DefaultApiExchangeObservationConvention() {
			@Override
			public String getName() {
				return "custom.calls";
			}
		};
		// A closed port: each of the two attempts fails, and is observed all the same.
		this.runner.withPropertyValues("api-orm.base-url=http://127.0.0.1:1", "api-orm.retry.max-attempts=2")
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(ApiExchangeObservationConvention.class, () -> custom)
			.run((context) -> {
				ApiOperations template = context.getBean(ApiOperations.class);
				assertThatExceptionOfType(ApiConnectionException.class)
					.isThrownBy(() -> template.findById(1, Person.class));
				assertThat(observed).containsExactly("custom.calls get 1", "custom.calls get 2");
			});
	}

	@Test
	void retryKeysAreBoundAndInheritedKeyByKey() {
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.retry.max-attempts=5",
					"api-orm.retry.initial-backoff=50ms", "api-orm.retry.methods=get,put",
					"api-orm.retry.idempotency-key-header=Idempotency-Key",
					"api-orm.clients.billing.base-url=https://billing.example.com",
					"api-orm.clients.billing.retry.max-attempts=1")
			.run((context) -> {
				ApiTemplates templates = context.getBean(ApiTemplates.class);
				ApiClientSettings.Retry retry = templates.getReactive("default").getSettings().retry();
				assertThat(retry.maxAttempts()).isEqualTo(5);
				assertThat(retry.initialBackoff()).isEqualTo(Duration.ofMillis(50));
				assertThat(retry.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
				assertThat(retry.methods()).containsExactlyInAnyOrder("GET", "PUT");
				assertThat(retry.idempotencyKeyHeader()).isEqualTo("Idempotency-Key");
				ApiClientSettings.Retry billing = templates.getReactive("billing").getSettings().retry();
				assertThat(billing.maxAttempts()).isEqualTo(1);
				assertThat(billing.initialBackoff()).isEqualTo(Duration.ofMillis(50));
			});
	}

	@Test
	void withoutADefaultClientThereAreNoDefaultTemplateBeans() {
		this.runner.withPropertyValues("api-orm.clients.billing.base-url=https://billing.example.com")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ReactiveApiOperations.class)
				.doesNotHaveBean(ApiOperations.class));
	}

	@Test
	void repositoryScanningCanBeTurnedOff() {
		this.runner.withUserConfiguration(AppPackage.class)
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.repositories.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PersonApi.class));
	}

	@Test
	void modelOfAnUnconfiguredClientFailsStartUpNamingTheModel() {
		this.runner.withUserConfiguration(AppPackage.class)
			.withPropertyValues("api-orm.base-url=https://api.example.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(ConfigurationException.class)
					.hasMessageContaining(Invoice.class.getName())
					.hasMessageContaining("api-orm.clients.billing.base-url");
			});
	}

	@Test
	void derivedQueryTheDialectCannotExpressFailsStartUp() {
		this.runner.withUserConfiguration(BadQueryPackage.class)
			.withPropertyValues("api-orm.base-url=https://api.example.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messages(context.getStartupFailure()))
					.contains("ThingApi.findByNameOrRole cannot be expressed by the 'drf' dialect")
					.contains("cannot express OR");
			});
	}

	@Test
	void invalidModelFailsStartUpNamingTheClassAndProblem() {
		this.runner.withUserConfiguration(BadModelPackage.class)
			.withPropertyValues("api-orm.base-url=https://api.example.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(ConfigurationException.class)
					.hasMessageContaining("Gadget")
					.hasMessageContaining("uuid");
			});
	}

	@Test
	void healthContributorIsOnByDefaultAndCanBeTurnedOff() {
		ApplicationContextRunner health = this.runner
			.withConfiguration(AutoConfigurations.of(ApiOrmHealthContributorAutoConfiguration.class))
			.withPropertyValues("api-orm.base-url=https://api.example.com");
		health.run((context) -> assertThat(context).hasBean("apiOrmHealthContributor"));
		health.withPropertyValues("management.health.api-orm.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("apiOrmHealthContributor"));
		health
			.withClassLoader(
					new FilteredClassLoader(org.springframework.boot.health.contributor.ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean("apiOrmHealthContributor"));
	}

	@Test
	void backsOffWithoutWebClient() {
		this.runner
			.withClassLoader(new FilteredClassLoader(org.springframework.web.reactive.function.client.WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ApiOrm.class));
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserOrmConfiguration {

		static final ApiOrm ORM = ApiOrm.builder().baseUrl("https://mine.example.com").build();

		@Bean
		ApiOrm myOrm() {
			return ORM;
		}

	}

}
