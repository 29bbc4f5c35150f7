package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.apiorm.Pagination;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of api-orm ({@code api-orm.*}): the default client's API and how to talk
 * to it, and more named clients under {@code api-orm.clients}.
 * <p>
 * A named client takes the same keys; each key it leaves unset is taken from the default
 * client's.
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

	public ApiOrmProperties() {
		setAuthScheme("Bearer");
		setHttp2(false);
		setTimeout(Duration.ofSeconds(30));
		setConnectTimeout(Duration.ofSeconds(5));
		setPageSize(100);
		setPagination(Pagination.LIMIT_OFFSET);
		setDialect("drf");
		setMaxResponseSize(DataSize.ofMegabytes(16));
		setBulkConcurrency(4);
		setPool(new Pool());
		setHealth(new Health());
	}

	public Map<String, ApiOrmClientProperties> getClients() {
		return this.clients;
	}

	public Repositories getRepositories() {
		return this.repositories;
	}

	/**
	 * Repository scanning.
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

	/**
	 * The connection pool of one client (Reactor Netty's {@code ConnectionProvider}).
	 */
	public static class Pool {

		/**
		 * Maximum number of connections open to the API at once.
		 */
		private int maxConnections = 100;

		/**
		 * Idle connections to keep. Reactor Netty bounds idle connections by
		 * max-connections and closes each after max-idle-time.
		 */
		private int maxIdleConnections = 20;

		/**
		 * How long an idle connection is kept before it is closed.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(30);

		/**
		 * How long a request waits for a free connection before it fails.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(10);

		/**
		 * Whether Reactor Netty publishes the pool's own metrics
		 * ({@code reactor.netty.connection.provider.*}) to Micrometer.
		 */
		private boolean metrics;

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getMaxIdleConnections() {
			return this.maxIdleConnections;
		}

		public void setMaxIdleConnections(int maxIdleConnections) {
			this.maxIdleConnections = maxIdleConnections;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public boolean isMetrics() {
			return this.metrics;
		}

		public void setMetrics(boolean metrics) {
			this.metrics = metrics;
		}

	}

	/**
	 * The Actuator health check of one client.
	 */
	public static class Health {

		/**
		 * Path requested by the health check, relative to the base URL; by default the
		 * base URL itself.
		 */
		private @Nullable String path;

		/**
		 * How long the health check waits for the API before reporting it DOWN.
		 */
		private @Nullable Duration timeout;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

	}

}
