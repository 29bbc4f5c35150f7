package dev.apiorm.autoconfigure;

import java.time.Duration;
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

	/**
	 * Rate budgets shared through Redis, for the application as a whole.
	 */
	private final Redis redis = new Redis();

	public Map<String, ApiOrmClientProperties> getClients() {
		return this.clients;
	}

	public Repositories getRepositories() {
		return this.repositories;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Rate budgets shared by every instance through Redis, on the connection of
	 * {@code spring.data.redis.*} (Lettuce, standalone).
	 */
	public static class Redis {

		/**
		 * Whether rate budgets are kept in Redis when a Lettuce connection to it is
		 * configured; otherwise each instance keeps its own.
		 */
		private boolean enabled = true;

		/**
		 * Longest wait for Redis's answer to one permit; beyond it the permit comes from
		 * this instance's own budget.
		 */
		private Duration timeout = Duration.ofMillis(500);

		/**
		 * How long budgets stay local after Redis failed before Redis is tried again.
		 */
		private Duration retryInterval = Duration.ofSeconds(5);

		/**
		 * Prefix of the Redis keys of the budgets.
		 */
		private String keyPrefix = "api-orm:rate-limit:";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

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
