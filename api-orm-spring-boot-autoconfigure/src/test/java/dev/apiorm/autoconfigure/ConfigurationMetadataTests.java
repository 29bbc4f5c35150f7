package dev.apiorm.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.dialect.builtin.BuiltInDialects;

import static dev.apiorm.autoconfigure.BoundClients.properties;
import static dev.apiorm.autoconfigure.BoundClients.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property metadata IDEs complete from: every {@code api-orm.*} key is described,
 * every default it shows (generated or written in the additional metadata) is the code's,
 * and the README's configuration table lists exactly the keys there are.
 */
class ConfigurationMetadataTests {

	private static final Pattern README_KEY = Pattern.compile("^\\| `(api-orm\\.[a-z0-9.-]+)(\\.<name>)?`",
			Pattern.MULTILINE);

	private static JsonNode metadata() throws IOException {
		try (InputStream input = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(input).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(input);
		}
	}

	private static Set<String> metadataKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (JsonNode property : metadata().path("properties")) {
			String name = property.path("name").asString("");
			if (name.startsWith("api-orm.")) {
				keys.add(name);
			}
		}
		return keys;
	}

	@Test
	void everyPropertyIsDescribed() throws IOException {
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata().path("properties")) {
			String name = property.path("name").asString("");
			if (name.startsWith("api-orm.") && property.path("description").asString("").isBlank()) {
				undescribed.add(name);
			}
		}
		assertThat(undescribed).isEmpty();
	}

	@Test
	void theReadmeDocumentsExactlyTheProperties() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		Set<String> documented = new TreeSet<>();
		Matcher matcher = README_KEY.matcher(readme);
		while (matcher.find()) {
			documented.add(matcher.group(1));
		}
		Set<String> keys = metadataKeys();
		// The named clients take the keys above under api-orm.clients.<name>.
		keys.remove("api-orm.clients");
		assertThat(documented).isEqualTo(keys);
	}

	static Stream<Arguments> documentedDefaults() throws IOException {
		return BoundClients.metadata()
			.stream()
			.filter((property) -> property.has("defaultValue"))
			.map((property) -> Arguments.of(property.path("name").asString(), value(property.path("defaultValue"))));
	}

	private static String value(JsonNode value) {
		if (!value.isArray()) {
			return value.asString();
		}
		List<String> elements = new ArrayList<>();
		value.forEach((element) -> elements.add(element.asString()));
		return String.join(",", elements);
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("documentedDefaults")
	void everyDocumentedDefaultIsTheDefaultOfTheCode(String name, String value) {
		Map<String, String> unset = properties("api-orm.base-url", "https://api.example.com", "api-orm.schema.location",
				BoundClients.SCHEMA);
		Map<String, String> set = new LinkedHashMap<>(unset);
		set.put(name, value);
		assertThat(view(set, "default")).isEqualTo(view(unset, "default"));
	}

	@Test
	void theDialectHintListsEveryBuiltInDialectAndEachStartsAClient() throws IOException {
		List<String> hinted = new ArrayList<>();
		for (JsonNode hint : metadata().path("hints")) {
			if (hint.path("name").asString("").equals("api-orm.dialect")) {
				hint.path("values").forEach((value) -> hinted.add(value.path("value").asString()));
				assertThat(hint.path("values"))
					.allSatisfy((value) -> assertThat(value.path("description").asString("")).as(value.toString())
						.isNotBlank());
			}
		}
		List<String> builtIn = BuiltInDialects.ALL.stream().map(BuiltInDialects.BuiltIn::name).toList();
		assertThat(hinted).containsExactlyInAnyOrderElementsOf(builtIn);
		for (String dialect : hinted) {
			List<Object> view = view(
					properties("api-orm.base-url", "https://api.example.com", "api-orm.dialect", dialect), "default");
			assertThat(view)
				.contains(ApiClientOptions.DEFAULTS.withDialect(ApiClientOptions.DEFAULTS.dialect().withName(dialect)));
		}
	}

	@Test
	void unsetKeysTakeTheDefaultsOfTheSettingsRecords() {
		List<Object> view = view(properties("api-orm.base-url", "https://api.example.com"), "default");
		assertThat(view).contains(ApiClientOptions.DEFAULTS, HealthProperties.DEFAULT_TIMEOUT,
				HealthProperties.DEFAULT_CACHE_TTL);
	}

}
