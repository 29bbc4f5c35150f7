package dev.apiorm.test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;

import dev.apiorm.exception.ConfigurationException;

/**
 * Brings the fake API of a test context to its starting point: empty, then seeded from
 * the JSON resources of {@link ApiOrmTest#seed()} and the {@link ApiOrmTestData} beans.
 */
public final class FakeApiSeeder {

	private static final TypeReference<Map<String, List<Map<String, Object>>>> SEED = new TypeReference<>() {
	};

	private final FakeApi api;

	private final List<String> resources;

	private final ResourceLoader resourceLoader;

	private final ObjectProvider<ApiOrmTestData> data;

	private final JsonMapper json = JsonMapper.builder().build();

	FakeApiSeeder(FakeApi api, List<String> resources, ResourceLoader resourceLoader,
			ObjectProvider<ApiOrmTestData> data) {
		this.api = api;
		this.resources = resources;
		this.resourceLoader = resourceLoader;
		this.data = data;
	}

	/**
	 * Empties the fake API and seeds it again.
	 */
	public void reseed() {
		this.api.reset();
		for (String location : this.resources) {
			try (InputStream input = this.resourceLoader.getResource(location).getInputStream()) {
				this.json.readValue(input, SEED).forEach(this.api::seed);
			}
			catch (IOException ex) {
				throw new ConfigurationException("Cannot read the fake API's seed '" + location
						+ "' (a JSON object of endpoints to arrays of records): " + ex.getMessage());
			}
		}
		this.data.orderedStream().forEach((seed) -> seed.seed(this.api));
	}

}
