package dev.apiorm.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.apiorm.ApiOrm;
import dev.apiorm.Pagination;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.dialect.Dialects;
import dev.apiorm.exception.ConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Reads {@link ApiOrmProperties} into one {@link ApiClientSettings} per client, filling a
 * named client's unset keys from the default client's (but for the base URL and the
 * token, which belong to one origin), and checks every value: a wrong one is a
 * {@link ConfigurationException} that names the property.
 */
final class ApiClientSettingsFactory {

	private static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(2);

	private final ApiOrmProperties properties;

	ApiClientSettingsFactory(ApiOrmProperties properties) {
		this.properties = properties;
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

	private <V> @Nullable V health(String name, Function<ApiOrmProperties.Health, @Nullable V> key) {
		ApiOrmClientProperties client = this.properties.getClients().get(name);
		V value = (client != null && client.getHealth() != null) ? key.apply(client.getHealth()) : null;
		ApiOrmProperties.Health root = this.properties.getHealth();
		return (value == null && root != null) ? key.apply(root) : value;
	}

	private ApiClientSettings settings(String name, ApiOrmClientProperties client, String prefix) {
		ApiOrmProperties root = this.properties;
		URI baseUrl = required(client.getBaseUrl(), prefix + "base-url");
		if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw invalid(prefix + "base-url", baseUrl, "must be an absolute http:// or https:// URL with a host");
		}
		String dialect = value(client.getDialect(), root.getDialect(), prefix + "dialect");
		if (Dialects.NAMES.stream().noneMatch((known) -> known.equalsIgnoreCase(dialect))) {
			throw invalid(prefix + "dialect", dialect, "must be one of " + Dialects.NAMES);
		}
		Pagination pagination = value(client.getPagination(), root.getPagination(), prefix + "pagination");
		if (pagination == Pagination.CLIENT_DEFAULT) {
			throw invalid(prefix + "pagination", pagination, "must name a style (limit-offset, page-number, none)");
		}
		DataSize maxResponseSize = value(client.getMaxResponseSize(), root.getMaxResponseSize(),
				prefix + "max-response-size");
		if (maxResponseSize.toBytes() <= 0 || maxResponseSize.toBytes() > Integer.MAX_VALUE) {
			throw invalid(prefix + "max-response-size", maxResponseSize, "must be between 1B and 2GB");
		}
		Integer maxConcurrency = (client.getMaxConcurrency() != null) ? client.getMaxConcurrency()
				: root.getMaxConcurrency();
		if (maxConcurrency != null) {
			positive(maxConcurrency, prefix + "max-concurrency");
		}
		// The token is never inherited: a named client's API is another origin.
		String token = client.getToken();
		return new ApiClientSettings(name, baseUrl, StringUtils.hasText(token) ? token : null,
				value(client.getAuthScheme(), root.getAuthScheme(), prefix + "auth-scheme").trim(),
				value(client.getHttp2(), root.getHttp2(), prefix + "http2"),
				positive(value(client.getTimeout(), root.getTimeout(), prefix + "timeout"), prefix + "timeout"),
				positive(value(client.getConnectTimeout(), root.getConnectTimeout(), prefix + "connect-timeout"),
						prefix + "connect-timeout"),
				positive(value(client.getPageSize(), root.getPageSize(), prefix + "page-size"), prefix + "page-size"),
				pagination, dialect, pool(value(client.getPool(), root.getPool(), prefix + "pool"), prefix + "pool."),
				(int) maxResponseSize.toBytes(),
				positive(value(client.getBulkConcurrency(), root.getBulkConcurrency(), prefix + "bulk-concurrency"),
						prefix + "bulk-concurrency"),
				maxConcurrency);
	}

	private static ApiClientSettings.Pool pool(ApiOrmProperties.Pool pool, String prefix) {
		positive(pool.getMaxConnections(), prefix + "max-connections");
		if (pool.getMaxIdleConnections() < 0) {
			throw invalid(prefix + "max-idle-connections", pool.getMaxIdleConnections(), "must not be negative");
		}
		notNegative(pool.getMaxIdleTime(), prefix + "max-idle-time");
		notNegative(pool.getPendingAcquireTimeout(), prefix + "pending-acquire-timeout");
		return new ApiClientSettings.Pool(pool.getMaxConnections(), pool.getMaxIdleConnections(), pool.getMaxIdleTime(),
				pool.getPendingAcquireTimeout(), pool.isMetrics());
	}

	private static <V> V required(@Nullable V value, String property) {
		if (value == null) {
			throw new ConfigurationException(property + " is required");
		}
		return value;
	}

	private static <V> V value(@Nullable V own, @Nullable V inherited, String property) {
		return required((own != null) ? own : inherited, property);
	}

	private static int positive(int value, String property) {
		if (value <= 0) {
			throw invalid(property, value, "must be positive");
		}
		return value;
	}

	private static Duration positive(Duration value, String property) {
		if (value.isNegative() || value.isZero()) {
			throw invalid(property, value, "must be a positive duration");
		}
		return value;
	}

	private static void notNegative(Duration value, String property) {
		if (value.isNegative()) {
			throw invalid(property, value, "must not be negative");
		}
	}

	private static ConfigurationException invalid(String property, Object value, String reason) {
		return new ConfigurationException("Invalid value '" + value + "' for " + property + ": " + reason);
	}

}
