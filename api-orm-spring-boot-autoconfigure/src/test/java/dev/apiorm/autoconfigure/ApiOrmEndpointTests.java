package dev.apiorm.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.HeaderSettings;
import dev.apiorm.dialect.DeclaredFilters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code apiorm} Actuator endpoint: present only when Actuator is there and the
 * endpoint is exposed, listing every client with its settings and pool, and never showing
 * a secret: the token, a password in a URL, a credential header's value.
 */
class ApiOrmEndpointTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				ApiOrmAutoConfiguration.class, ApiOrmEndpointAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=https://api.example.com/v2?signature=q5ecret",
				"api-orm.token=t0ken-s3cret", "api-orm.page-size=50",
				"api-orm.default-headers.Authorization=Basic aGVsbG8tc2VjcmV0",
				"api-orm.default-headers.X-Api-Key=k3y-s3cret", "api-orm.default-headers.X-Tenant=acme",
				"api-orm.clients.billing.base-url=https://bob:hunter2@billing.example.com/api",
				"api-orm.clients.billing.dialect=jsonapi", "api-orm.clients.billing.pool.max-connections=7");

	@Test
	void isThereOnlyWhenExposed() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ApiOrmEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=apiorm")
			.run((context) -> assertThat(context).hasSingleBean(ApiOrmEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=apiorm")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ApiOrmEndpoint.class));
	}

	@Test
	void listsEveryClientWithItsSettingsAndPool() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=apiorm").run((context) -> {
			JsonNode clients = json(context.getBean(ApiOrmEndpoint.class).clients()).path("clients");
			assertThat(clients.propertyNames()).containsExactly("default", "billing");
			JsonNode main = clients.path("default");
			assertThat(main.path("baseUrl").asString()).isEqualTo("https://api.example.com/v2");
			assertThat(main.path("token").asBoolean()).isTrue();
			assertThat(main.path("dialect").asString()).isEqualTo("drf");
			assertThat(main.path("settings").path("paging").path("pageSize").asInt()).isEqualTo(50);
			assertThat(main.path("settings").path("headers").path("defaultHeaders").path("X-Tenant").asString())
				.isEqualTo("acme");
			assertThat(main.path("pool").path("maxConnections").asInt()).isEqualTo(100);
			assertThat(main.path("learntPaging").isArray()).isTrue();
			JsonNode billing = clients.path("billing");
			assertThat(billing.path("baseUrl").asString()).isEqualTo("https://billing.example.com/api");
			assertThat(billing.path("token").asBoolean()).isFalse();
			assertThat(billing.path("dialect").asString()).isEqualTo("jsonapi");
			assertThat(billing.path("pool").path("maxConnections").asInt()).isEqualTo(7);
		});
	}

	@Test
	void showsNoSecret() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=apiorm").run((context) -> {
			ApiOrmEndpoint endpoint = context.getBean(ApiOrmEndpoint.class);
			String all = JsonMapper.builder().build().writeValueAsString(endpoint.clients())
					+ JsonMapper.builder().build().writeValueAsString(endpoint.client("billing"));
			assertThat(all).doesNotContain("t0ken-s3cret", "aGVsbG8tc2VjcmV0", "k3y-s3cret", "hunter2", "q5ecret");
			JsonNode headers = json(endpoint.clients()).path("clients")
				.path("default")
				.path("settings")
				.path("headers")
				.path("defaultHeaders");
			assertThat(headers.path("Authorization").asString()).isEqualTo("******");
			assertThat(headers.path("X-Api-Key").asString()).isEqualTo("******");
		});
	}

	@Test
	void showsOneClientByNameAndNothingForAnUnknownOne() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=apiorm").run((context) -> {
			ApiOrmEndpoint endpoint = context.getBean(ApiOrmEndpoint.class);
			assertThat(endpoint.client("billing").dialect()).isEqualTo("jsonapi");
			assertThat(endpoint.client("nope")).isNull();
		});
	}

	@Test
	void theSettingsItReadsAreReflectiveInANativeImage() {
		RuntimeHints hints = new RuntimeHints();
		new ApiOrmEndpointRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ApiClientOptions.class, "headers"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(HeaderSettings.class, "defaultHeaders"))
			.accepts(hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(ApiClientSettings.Pool.class, "maxConnections"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(DeclaredFilters.class, "lookups"))
			.accepts(hints);
	}

	private static JsonNode json(Object value) {
		JsonMapper mapper = JsonMapper.builder().build();
		return mapper.readTree(mapper.writeValueAsString(value));
	}

}
