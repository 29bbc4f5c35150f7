package dev.apiorm.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.app.Invoice;
import dev.apiorm.autoconfigure.app.Person;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of {@code api-orm.cache.*}: off by default; on, the GETs of the clients that
 * turn it on are answered from the named cache of the application's {@link CacheManager};
 * a wrong key stops start-up naming it.
 */
class ApiOrmCacheAutoConfigurationTests {

	private static final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ApiOrmCacheAutoConfiguration.class,
				ApiOrmAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=" + "http://127.0.0.1:" + port(),
				"api-orm.clients.billing.base-url=http://127.0.0.1:" + port() + "/billing");

	@BeforeAll
	static void start() {
		wire.start();
	}

	@AfterAll
	static void stop() {
		wire.stop();
	}

	private static int port() {
		if (!wire.isRunning()) {
			wire.start();
		}
		return wire.port();
	}

	@BeforeEach
	void stubFreshAnswers() {
		wire.resetAll();
		wire.stubFor(get(urlEqualTo("/people/1/"))
			.willReturn(okJson("{\"id\":1,\"name\":\"Ann\"}").withHeader("Cache-Control", "max-age=60")));
		wire.stubFor(get(urlEqualTo("/billing/invoices/7/"))
			.willReturn(okJson("{\"id\":7,\"total\":3}").withHeader("Cache-Control", "max-age=60")));
	}

	private static void getTwice(AssertableApplicationContext context) {
		ApiOrm orm = context.getBean(ApiOrm.class);
		for (int i = 0; i < 2; i++) {
			orm.repository(Person.class).get(1);
			orm.repository(Invoice.class).get(7);
		}
	}

	@Test
	void offByDefaultWithoutACacheManager() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			getTwice(context);
			wire.verify(2, getRequestedFor(urlEqualTo("/people/1/")));
			wire.verify(2, getRequestedFor(urlEqualTo("/billing/invoices/7/")));
		});
	}

	@Test
	void onTheClientsGetsAreAnsweredFromTheNamedCacheAndCounted() {
		this.runner.withUserConfiguration(Caches.class)
			.withPropertyValues("api-orm.cache.enabled=true", "api-orm.cache.name=answers")
			.run((context) -> {
				getTwice(context);
				wire.verify(1, getRequestedFor(urlEqualTo("/people/1/")));
				wire.verify(1, getRequestedFor(urlEqualTo("/billing/invoices/7/")));
				ConcurrentMapCache answers = (ConcurrentMapCache) context.getBean(CacheManager.class)
					.getCache("answers");
				assertThat(answers.getNativeCache().keySet())
					.anySatisfy((key) -> assertThat(key.toString()).endsWith("/people/1/"));
				assertThat(context.getBean(MeterRegistry.class)
					.get("api.orm.cache.requests")
					.tags("client", "default", "model", "Person", "result", "hit")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void aNamedClientTakesTheDefaultKeysUnlessItSetsItsOwn() {
		this.runner.withUserConfiguration(Caches.class)
			.withPropertyValues("api-orm.cache.enabled=true", "api-orm.cache.name=answers",
					"api-orm.clients.billing.cache.enabled=false")
			.run((context) -> {
				getTwice(context);
				wire.verify(1, getRequestedFor(urlEqualTo("/people/1/")));
				wire.verify(2, getRequestedFor(urlEqualTo("/billing/invoices/7/")));
			});
	}

	@Test
	void onlyTheModelsListedAreCached() {
		this.runner.withUserConfiguration(Caches.class)
			.withPropertyValues("api-orm.cache.enabled=true", "api-orm.cache.name=answers",
					"api-orm.cache.models=Invoice")
			.run((context) -> {
				getTwice(context);
				wire.verify(2, getRequestedFor(urlEqualTo("/people/1/")));
				wire.verify(1, getRequestedFor(urlEqualTo("/billing/invoices/7/")));
			});
	}

	@Test
	void ofSeveralCacheManagersThePrimaryIsUsed() {
		this.runner.withUserConfiguration(Caches.class, OtherCaches.class)
			.withPropertyValues("api-orm.cache.enabled=true", "api-orm.cache.name=elsewhere")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messages(context.getStartupFailure()))
					.contains("Invalid value 'elsewhere' for api-orm.cache.name");
			});
	}

	@Test
	void onWithoutACacheManagerStopsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("api-orm.cache.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("api-orm.cache.enabled is true")
				.contains("no CacheManager");
		});
	}

	@Test
	void aCacheTheCacheManagerDoesNotHaveStopsStartUpNamingTheProperty() {
		this.runner.withUserConfiguration(Caches.class)
			.withPropertyValues("api-orm.clients.billing.cache.enabled=true", "api-orm.clients.billing.cache.name=nope")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messages(context.getStartupFailure()))
					.contains("Invalid value 'nope' for api-orm.clients.billing.cache.name");
			});
	}

	@Test
	void onlyANamedClientThatTurnsItsCacheOnNeedsACacheManager() {
		this.runner.withPropertyValues("api-orm.clients.billing.cache.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure()))
				.contains("api-orm.clients.billing.cache.enabled is true, but the application has no CacheManager");
		});
	}

	@Test
	void aWrongSizeStopsStartUpNamingTheProperty() {
		this.runner.withUserConfiguration(Caches.class)
			.withPropertyValues("api-orm.cache.enabled=true", "api-orm.cache.name=answers",
					"api-orm.cache.max-entry-size=0B")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messages(context.getStartupFailure()))
					.contains("Invalid value '0' for api-orm.cache.max-entry-size");
			});
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class Caches {

		@Bean
		@Primary
		CacheManager cacheManager() {
			return new ConcurrentMapCacheManager("answers");
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherCaches {

		@Bean
		CacheManager otherCacheManager() {
			return new ConcurrentMapCacheManager("elsewhere");
		}

	}

}
