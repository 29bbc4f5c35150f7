package dev.apiorm.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Reads {@link ApiOrmProperties} into one {@link ApiClientSettings} per client, filling a
 * named client's unset keys from the default client's (but for the base URL and the
 * token, which belong to one origin). The defaults and the checks of every value are
 * those of {@link ApiClientSettings#builder(String, URI)}: a wrong value is a
 * {@link ConfigurationException} that names the property.
 */
final class ApiClientSettingsFactory {

	private static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(2);

	private final ApiOrmProperties properties;

	/** Boot's spring.http.clients.*: defaults under the keys of every client. */
	private final HttpClientDefaults http;

	ApiClientSettingsFactory(ApiOrmProperties properties) {
		this(properties, HttpClientDefaults.NONE);
	}

	ApiClientSettingsFactory(ApiOrmProperties properties, HttpClientDefaults http) {
		this.properties = properties;
		this.http = http;
	}

	/**
	 * The name of the SSL bundle of a client's connections: its own, else the default
	 * client's.
	 * @param name the client name
	 * @return the bundle's name, {@code null} when none is set
	 */
	@Nullable String sslBundle(String name) {
		ApiOrmClientProperties client = this.properties.getClients().get(name);
		String own = (client != null && client.getSsl() != null) ? client.getSsl().getBundle() : null;
		ApiOrmProperties.Ssl root = this.properties.getSsl();
		return (own == null && root != null) ? root.getBundle() : own;
	}

	/**
	 * The settings of every configured client: {@code default} when
	 * {@code api-orm.base-url} is set, then the named clients in their order.
	 * @return the settings by client name
	 */
	Map<String, ApiClientSettings> create() {
		Map<String, ApiClientSettings> clients = new LinkedHashMap<>();
		if (this.properties.getBaseUrl() != null) {
			clients.put(ApiOrm.DEFAULT_CLIENT, settings(ApiOrm.DEFAULT_CLIENT, this.properties, "api-orm."));
		}
		else if (StringUtils.hasText(this.properties.getToken())) {
			throw new ConfigurationException(
					"api-orm.token is set but api-orm.base-url is not: set the API's base URL");
		}
		this.properties.getClients().forEach((name, client) -> {
			String prefix = "api-orm.clients." + name + ".";
			if (ApiOrm.DEFAULT_CLIENT.equals(name)) {
				throw new ConfigurationException(
						prefix + "*: 'default' is the client configured by api-orm.* itself; " + "choose another name");
			}
			clients.put(name, settings(name, client, prefix));
		});
		return clients;
	}

	/**
	 * The path a client's health check requests.
	 * @param name the client name
	 * @return the path, empty for the base URL
	 */
	String healthPath(String name) {
		String path = health(name, ApiOrmProperties.Health::getPath);
		return (path != null) ? path : "";
	}

	/**
	 * How long a client's health check waits.
	 * @param name the client name
	 * @return the timeout
	 */
	Duration healthTimeout(String name) {
		Duration timeout = health(name, ApiOrmProperties.Health::getTimeout);
		return (timeout != null) ? timeout : DEFAULT_HEALTH_TIMEOUT;
	}

	private <V> @Nullable V health(String name, Key<ApiOrmProperties.Health, V> key) {
		ApiOrmClientProperties client = this.properties.getClients().get(name);
		V value = (client != null && client.getHealth() != null) ? key.of(client.getHealth()) : null;
		ApiOrmProperties.Health root = this.properties.getHealth();
		return (value == null && root != null) ? key.of(root) : value;
	}

	private ApiClientSettings settings(String name, ApiOrmClientProperties client, String prefix) {
		ApiOrmProperties root = this.properties;
		URI baseUrl = client.getBaseUrl();
		if (baseUrl == null) {
			throw new ConfigurationException(prefix + "base-url is required");
		}
		// The token is never inherited: a named client's API is another origin.
		ApiClientSettings.Builder settings = ApiClientSettings.builder(name, baseUrl).token(client.getToken());
		inherit(client.getAuthScheme(), root.getAuthScheme(), settings::authScheme);
		inherit(client.getHttp2(), root.getHttp2(), settings::http2);
		inherit(client.getTimeout(), root.getTimeout(), settings::timeout);
		inherit(client.getConnectTimeout(),
				(root.getConnectTimeout() != null) ? root.getConnectTimeout() : this.http.connectTimeout(),
				settings::connectTimeout);
		inherit(client.getDeadline(), root.getDeadline(), settings::deadline);
		inherit(client.getVerifyResults(), root.getVerifyResults(), settings::verifyResults);
		inherit(client.getSaveChangedFields(), root.getSaveChangedFields(), settings::saveChangedFields);
		inherit(client.getDefaultHeaders(), root.getDefaultHeaders(), settings::defaultHeaders);
		inherit(client.getUserAgent(), root.getUserAgent(), settings::userAgent);
		inherit(client.getCompression(), root.getCompression(), settings::compression);
		// A client that follows redirects follows them within its origin only.
		ApiClientSettings.Redirects bootRedirects = this.http.followRedirects() ? null
				: ApiClientSettings.Redirects.NEVER;
		inherit(client.getRedirects(), (root.getRedirects() != null) ? root.getRedirects() : bootRedirects,
				settings::redirects);
		inherit(client.getOptimisticLocking(), root.getOptimisticLocking(), settings::optimisticLocking);
		inherit(client.getPageSize(), root.getPageSize(), settings::pageSize);
		inherit(client.getPagination(), root.getPagination(), settings::pagination);
		inherit(client.getDialect(), root.getDialect(), settings::dialect);
		inherit(client.getBulkConcurrency(), root.getBulkConcurrency(), settings::bulkConcurrency);
		inherit(client.getMaxConcurrency(), root.getMaxConcurrency(), settings::maxConcurrency);
		inherit(client.getMaxResponseSize(), root.getMaxResponseSize(), (size) -> {
			if (size.toBytes() > Integer.MAX_VALUE) {
				throw new ConfigurationException(
						"Invalid value '" + size + "' for " + prefix + "max-response-size: must be at most 2GB");
			}
			settings.maxResponseSize((int) size.toBytes());
		});
		settings.pool(pool(client.getPool(), root.getPool()));
		settings.retry(retry(client.getRetry(), root.getRetry()));
		return settings.build();
	}

	/**
	 * A client's pool: each key its own, else the default client's, else the default.
	 */
	private static ApiClientSettings.Pool pool(ApiOrmProperties.@Nullable Pool own,
			ApiOrmProperties.@Nullable Pool inherited) {
		ApiClientSettings.Pool defaults = ApiClientSettings.Pool.DEFAULTS;
		return new ApiClientSettings.Pool(
				pick(own, inherited, ApiOrmProperties.Pool::getMaxConnections, defaults.maxConnections()),
				pick(own, inherited, ApiOrmProperties.Pool::getMaxIdleConnections, defaults.maxIdleConnections()),
				pick(own, inherited, ApiOrmProperties.Pool::getMaxIdleTime, defaults.maxIdleTime()),
				pick(own, inherited, ApiOrmProperties.Pool::getPendingAcquireTimeout, defaults.pendingAcquireTimeout()),
				pick(own, inherited, ApiOrmProperties.Pool::getMaxPendingAcquires, defaults.maxPendingAcquires()),
				pick(own, inherited, ApiOrmProperties.Pool::getMetrics, defaults.metrics()));
	}

	/**
	 * A client's retries: each key its own, else the default client's, else the default.
	 */
	private static ApiClientSettings.Retry retry(ApiOrmProperties.@Nullable Retry own,
			ApiOrmProperties.@Nullable Retry inherited) {
		ApiClientSettings.Retry defaults = ApiClientSettings.Retry.DEFAULTS;
		Set<String> methods = pick(own, inherited, ApiOrmProperties.Retry::getMethods, defaults.methods());
		return new ApiClientSettings.Retry(
				pick(own, inherited, ApiOrmProperties.Retry::getMaxAttempts, defaults.maxAttempts()),
				pick(own, inherited, ApiOrmProperties.Retry::getInitialBackoff, defaults.initialBackoff()),
				pick(own, inherited, ApiOrmProperties.Retry::getMaxBackoff, defaults.maxBackoff()),
				pick(own, inherited, ApiOrmProperties.Retry::getMaxRetryAfter, defaults.maxRetryAfter()),
				methods.stream().map((method) -> method.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
				pick(own, inherited, ApiOrmProperties.Retry::getIdempotencyKeyHeader, ""));
	}

	private static <P, V> V pick(@Nullable P own, @Nullable P inherited, Key<P, V> key, V fallback) {
		V value = (own != null) ? key.of(own) : null;
		if (value == null && inherited != null) {
			value = key.of(inherited);
		}
		return (value != null) ? value : fallback;
	}

	private static <V> void inherit(@Nullable V own, @Nullable V inherited, Consumer<V> setter) {
		V value = (own != null) ? own : inherited;
		if (value != null) {
			setter.accept(value);
		}
	}

	/**
	 * A key of a group of properties, unset when {@code null}.
	 */
	@FunctionalInterface
	private interface Key<S, V> {

		@Nullable V of(S properties);

	}

}
