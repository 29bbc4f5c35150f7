package dev.apiorm.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import dev.apiorm.core.ApiClientSettings;

/**
 * Binds {@code api-orm.*} properties as Boot does and shows everything they configure for
 * one client: its settings, TLS bundle, health check and OpenAPI document.
 */
final class BoundClients {

	/** A readable OpenAPI document that declares nothing. */
	static final String SCHEMA = "classpath:openapi-minimal.json";

	private BoundClients() {
	}

	static ApiOrmProperties bind(Map<String, String> properties) {
		ApiOrmProperties bound = new ApiOrmProperties();
		new Binder(new MapConfigurationPropertySource(properties)).bind("api-orm", Bindable.ofInstance(bound));
		return bound;
	}

	/**
	 * What some properties configure for a client, as a value that equals another's when
	 * the two clients are configured alike (their names aside).
	 * @param properties the properties
	 * @param client the client's name
	 * @return the client's configuration
	 */
	static List<Object> view(Map<String, String> properties, String client) {
		ApiOrmProperties bound = bind(properties);
		ApiSchemas schemas = new ApiSchemas(bound, new DefaultResourceLoader());
		ApiClientSettingsFactory factory = new ApiClientSettingsFactory(bound, HttpClientDefaults.NONE,
				schemas.schemas());
		ApiClientSettings settings = factory.create().get(client);
		List<Object> view = new ArrayList<>();
		view.add(settings.baseUrl());
		view.add(Optional.ofNullable(settings.token()));
		view.add(settings.options());
		view.add(Optional.ofNullable(factory.sslBundle(client)));
		view.add(factory.healthPath(client));
		view.add(factory.healthTimeout(client));
		view.add(factory.healthCacheTtl(client));
		view.add(schemas.schemas().containsKey(client));
		view.add(schemas.check(client));
		view.add(bound.getRepositories().isEnabled());
		return view;
	}

	static Map<String, String> properties(String... keysAndValues) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			properties.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return properties;
	}

	/**
	 * The {@code api-orm.*} properties of the generated metadata, the additional metadata
	 * merged in.
	 * @return the properties' metadata
	 */
	static List<JsonNode> metadata() throws IOException {
		try (InputStream input = BoundClients.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			List<JsonNode> properties = new ArrayList<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(input).path("properties")) {
				if (property.path("name").asString("").startsWith("api-orm.")) {
					properties.add(property);
				}
			}
			return properties;
		}
	}

}
