package dev.apiorm.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.SchemaProperties.Check;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.schema.ApiSchema;

/**
 * The OpenAPI documents of the configured clients ({@code api-orm.schema.*} and
 * {@code api-orm.clients.<name>.schema.*}), read once at start-up, and what a problem
 * found against each does.
 */
final class ApiSchemas {

	private final Map<String, ApiSchema> schemas = new LinkedHashMap<>();

	private final Map<String, Check> checks = new LinkedHashMap<>();

	ApiSchemas(ApiOrmProperties properties, ResourceLoader resourceLoader) {
		if (properties.getBaseUrl() != null) {
			read(ApiOrm.DEFAULT_CLIENT, properties.getSchema(), "api-orm.schema.", resourceLoader);
		}
		properties.getClients()
			.forEach((name, client) -> read(name, client.getSchema(), "api-orm.clients." + name + ".schema.",
					resourceLoader));
	}

	private void read(String client, SchemaProperties schema, String prefix, ResourceLoader resourceLoader) {
		String location = schema.getLocation();
		Check check = (schema.getCheck() != null) ? schema.getCheck() : SchemaProperties.DEFAULT_CHECK;
		if (location == null || location.isBlank() || check == Check.OFF) {
			return;
		}
		Resource resource = resourceLoader.getResource(location);
		try (InputStream input = resource.getInputStream()) {
			this.schemas.put(client, ApiSchema.parse(input.readAllBytes(), location));
			this.checks.put(client, check);
		}
		catch (IOException ex) {
			throw new ConfigurationException("Invalid value '" + location + "' for " + prefix
					+ "location: cannot read it (" + ex.getMessage() + ")");
		}
	}

	/**
	 * The documents by client name.
	 * @return the documents
	 */
	Map<String, ApiSchema> schemas() {
		return this.schemas;
	}

	/**
	 * What a problem found against a client's document does.
	 * @param client the client name
	 * @return the check, {@link Check#OFF} for a client without a document
	 */
	Check check(String client) {
		return this.checks.getOrDefault(client, Check.OFF);
	}

}
