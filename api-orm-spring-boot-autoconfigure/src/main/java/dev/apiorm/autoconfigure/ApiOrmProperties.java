package dev.apiorm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of api-orm ({@code api-orm.*}): the keys of the default client, which are
 * also those a named client leaves unset, the named clients under
 * {@code api-orm.clients}, and the keys of the application as a whole.
 * <p>
 * A named client takes every key of {@link ApiOrmClientProperties}; a key of the
 * application's ({@code repositories.*}, {@code clients.*}) under a named client fails
 * start-up naming it.
 */
@ConfigurationProperties("api-orm")
public class ApiOrmProperties extends ApiOrmClientProperties {

	/**
	 * More APIs by name; a model chooses one with {@code @ApiModel(client = "name")}.
	 */
	private final Map<String, ApiOrmClientProperties> clients = new LinkedHashMap<>();

	/**
	 * Repository scanning.
	 */
	private final Repositories repositories = new Repositories();

	public Map<String, ApiOrmClientProperties> getClients() {
		return this.clients;
	}

	public Repositories getRepositories() {
		return this.repositories;
	}

	/**
	 * Repository scanning, for the application as a whole.
	 */
	public static class Repositories {

		/**
		 * Whether to register ApiRepository and ReactiveApiRepository beans for the
		 * application's packages when no {@code @EnableApiRepositories} is declared.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
