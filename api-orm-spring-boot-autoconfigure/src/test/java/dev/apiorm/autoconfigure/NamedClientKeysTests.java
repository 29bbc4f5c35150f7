package dev.apiorm.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import dev.apiorm.exception.ConfigurationException;

import static dev.apiorm.autoconfigure.BoundClients.properties;
import static dev.apiorm.autoconfigure.BoundClients.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every key of {@code api-orm.*} a client takes means the same under
 * {@code api-orm.clients.<name>.*}, read from the metadata so that a key added later is
 * covered without a word here; a key no client takes fails start-up naming it.
 */
class NamedClientKeysTests {

	private static final String API = "https://api.example.com";

	static Stream<Arguments> clientKeys() throws IOException {
		return BoundClients.metadata()
			.stream()
			.filter((property) -> !property.path("name").asString().equals("api-orm.clients")
					&& !property.path("name").asString().startsWith("api-orm.repositories.")
					&& !property.path("name").asString().startsWith("api-orm.redis."))
			.map((property) -> Arguments.of(property.path("name").asString().substring("api-orm.".length()),
					property.path("type").asString()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clientKeys")
	void everyKeyMeansUnderANamedClientWhatItMeansUnderApiOrm(String key, String type) {
		boolean changesSomething = false;
		for (Map<String, String> sample : samples(key, type)) {
			Map<String, String> root = baseline("api-orm.", key);
			Map<String, String> named = baseline("api-orm.clients.books.", key);
			sample.forEach((suffix, value) -> {
				root.put("api-orm." + suffix, value);
				named.put("api-orm.clients.books." + suffix, value);
			});
			List<Object> rootView = view(root, "default");
			assertThat(view(named, "books")).as("api-orm.clients.books.%s", sample.keySet()).isEqualTo(rootView);
			changesSomething |= !rootView.equals(view(baseline("api-orm.", key), "default"));
			MockEnvironment environment = new MockEnvironment();
			named.forEach(environment::setProperty);
			assertThatNoException().isThrownBy(() -> ClientKeys.check(environment));
		}
		assertThat(changesSomething).as("a sample value of %s changes the client", key).isTrue();
	}

	@Test
	void aKeyOfTheApplicationUnderAClientStopsStartUpNamingIt() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApiOrmAutoConfiguration.class))
			.withPropertyValues("api-orm.base-url=" + API, "api-orm.clients.books.base-url=" + API,
					"api-orm.clients.books.repositories.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.clients.books.repositories.enabled")
				.hasMessageContaining("api-orm.repositories.*"));
	}

	@Test
	void redisKeysBelongToTheApplicationNotToAClient() {
		MockEnvironment environment = new MockEnvironment();
		environment.setProperty("api-orm.clients.books.redis.timeout", "1s");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> ClientKeys.check(environment))
			.withMessageContaining("api-orm.clients.books.redis.timeout")
			.withMessageContaining("api-orm.redis.*");
	}

	@Test
	void aClientInAClientOrAMistypedKeyIsNamed() {
		MockEnvironment nested = new MockEnvironment();
		nested.setProperty("api-orm.clients.books.clients.more.base-url", API);
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> ClientKeys.check(nested))
			.withMessageContaining("api-orm.clients.books.clients.more.base-url")
			.withMessageContaining("applies to the application as a whole");
		MockEnvironment typo = new MockEnvironment();
		typo.setProperty("api-orm.clients.books.tiemout", "3s");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> ClientKeys.check(typo))
			.withMessageContaining("api-orm.clients.books.tiemout")
			.withMessageContaining("not a key of an api-orm client");
	}

	private static Map<String, String> baseline(String prefix, String key) {
		Map<String, String> properties = properties(prefix + "base-url", API);
		if (key.equals("schema.check")) {
			// The check applies to a document only.
			properties.put(prefix + "schema.location", BoundClients.SCHEMA);
		}
		return properties;
	}

	/**
	 * Values of a key that differ from its default, by the key's type, so that a key of a
	 * common type needs nothing here.
	 */
	private static List<Map<String, String>> samples(String key, String type) {
		return switch (type) {
			case "java.lang.Boolean" -> List.of(Map.of(key, "true"), Map.of(key, "false"));
			case "java.lang.Integer" -> List.of(Map.of(key, key.equals("convention.paging.first-page") ? "0" : "7"));
			case "java.time.Duration" -> List.of(Map.of(key, "7s"));
			case "org.springframework.util.unit.DataSize" -> List.of(Map.of(key, "7MB"));
			case "java.net.URI" -> List.of(Map.of(key, "https://other.example.com/v7"));
			case "java.util.List<java.lang.String>" ->
				List.of(Map.of(key, key.equals("convention.filters.value-kinds") ? "text,number" : "exact,gte"));
			case "java.util.Set<java.lang.String>" -> List.of(Map.of(key, "GET,POST"));
			case "java.util.Map<java.lang.String,java.lang.String>" ->
				List.of((key.endsWith("lookup-templates") || key.startsWith("convention.filters."))
						? Map.of(key + ".gt", "{field}_min={value}") : Map.of(key + ".X-Seven", "seven"));
			case "dev.apiorm.Pagination" -> List.of(Map.of(key, "page-number"));
			case "dev.apiorm.core.ApiClientSettings$Redirects" -> List.of(Map.of(key, "never"));
			case "dev.apiorm.autoconfigure.SchemaProperties$Check" -> List.of(Map.of(key, "fail"));
			case "java.lang.String" ->
				List.of(key.startsWith("convention.ordering.") ? ordering(key) : Map.of(key, stringSample(key)));
			default -> throw new IllegalStateException("No sample value of type " + type + " for " + key);
		};
	}

	/**
	 * An ordering is described by its parameter and both directions together.
	 */
	private static Map<String, String> ordering(String key) {
		Map<String, String> ordering = new java.util.HashMap<>(Map.of("convention.ordering.parameter", "sort",
				"convention.ordering.ascending", "{field}", "convention.ordering.descending", "-{field}"));
		ordering.put(key, ordering.getOrDefault(key, ","));
		return ordering;
	}

	private static String stringSample(String key) {
		return switch (key) {
			case "convention.preset" -> "feathers";
			case "convention.paging.type" -> "page";
			case "convention.save-method" -> "PATCH";
			case "convention.record-path" -> "{endpoint}/by-id/{id}";
			case "dialect" -> "jsonapi";
			case "auth-scheme" -> "Token";
			case "user-agent" -> "shop/7";
			case "drf.negation-suffix" -> "not";
			case "retry.idempotency-key-header" -> "Idempotency-Key";
			case "schema.location" -> BoundClients.SCHEMA;
			case "health.path" -> "/health";
			default -> key.endsWith("lookup-parameter") ? "{field}.{lookup}" : "seven";
		};
	}

}
