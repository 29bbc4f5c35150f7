package dev.apiorm.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.dialect.builtin.DialectSettings;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.schema.ApiSchema;

/**
 * Reads {@link ApiOrmProperties} into one {@link ApiClientSettings} per client, in
 * layers: the groups' {@code DEFAULTS}, Boot's {@code spring.http.clients.*}, the keys of
 * {@code api-orm.*}, then a named client's own keys (but the base URL and the token,
 * which belong to one origin). A wrong value is a {@link ConfigurationException} that
 * names the property.
 */
final class ApiClientSettingsFactory {

	private final ApiOrmProperties properties;

	/** Boot's spring.http.clients.*: defaults under the keys of every client. */
	private final HttpClientDefaults http;

	/** The OpenAPI documents by client, which may show a DRF API's negation suffix. */
	private final Map<String, ApiSchema> schemas;

	ApiClientSettingsFactory(ApiOrmProperties properties) {
		this(properties, HttpClientDefaults.NONE, Map.of());
	}

	ApiClientSettingsFactory(ApiOrmProperties properties, HttpClientDefaults http, Map<String, ApiSchema> schemas) {
		this.properties = properties;
		this.http = http;
		this.schemas = schemas;
	}

	/**
	 * The options of {@code api-orm.*}: the default client's, and those a named client
	 * starts from.
	 * @return the options
	 */
	ApiClientOptions rootOptions() {
		ApiClientOptions options = ApiClientOptions.DEFAULTS;
		if (this.http.connectTimeout() != null) {
			options = options.withHttp(options.http().withConnectTimeout(this.http.connectTimeout()));
		}
		if (!this.http.followRedirects()) {
			// A client that follows redirects follows them within its origin only.
			options = options.withHttp(options.http().withRedirects(ApiClientSettings.Redirects.NEVER));
		}
		return this.properties.applyTo(options, "api-orm.");
	}

	/**
	 * The dialect settings the dialect beans are made with: those of the default client.
	 * @return the settings
	 */
	DialectSettings rootDialect() {
		return withSchemaSuffix(rootOptions(), ApiOrm.DEFAULT_CLIENT).dialect();
	}

	/**
	 * The options of the default client: those of {@code api-orm.*}, with the negation
	 * suffix its OpenAPI document declares, unless one is set.
	 * @return the options
	 */
	ApiClientOptions defaultOptions() {
		return withSchemaSuffix(rootOptions(), ApiOrm.DEFAULT_CLIENT);
	}

	/**
	 * The settings of the named clients ({@code api-orm.clients.*}), in their order.
	 * @return the settings by client name
	 */
	Map<String, ApiClientSettings> namedClients() {
		ApiClientOptions root = rootOptions();
		Map<String, ApiClientSettings> clients = new LinkedHashMap<>();
		this.properties.getClients().forEach((name, client) -> {
			String prefix = "api-orm.clients." + name + ".";
			if (ApiOrm.DEFAULT_CLIENT.equals(name)) {
				throw new ConfigurationException(
						prefix + "*: 'default' is the client configured by api-orm.* itself; choose another name");
			}
			URI baseUrl = client.getBaseUrl();
			if (baseUrl == null) {
				throw new ConfigurationException(prefix + "base-url is required");
			}
			ApiClientOptions options = withSchemaSuffix(client.applyTo(root, prefix), name);
			clients.put(name, new ApiClientSettings(name, baseUrl, client.getToken(), options));
		});
		return clients;
	}

	/**
	 * The settings of every configured client: {@code default} when
	 * {@code api-orm.base-url} is set, then the named clients in their order.
	 * @return the settings by client name
	 */
	Map<String, ApiClientSettings> create() {
		Map<String, ApiClientSettings> clients = new LinkedHashMap<>();
		URI baseUrl = this.properties.getBaseUrl();
		if (baseUrl != null) {
			clients.put(ApiOrm.DEFAULT_CLIENT, new ApiClientSettings(ApiOrm.DEFAULT_CLIENT, baseUrl,
					this.properties.getToken(), defaultOptions()));
		}
		else if (StringUtils.hasText(this.properties.getToken())) {
			throw new ConfigurationException(
					"api-orm.token is set but api-orm.base-url is not: set the API's base URL");
		}
		clients.putAll(namedClients());
		return clients;
	}

	private ApiClientOptions withSchemaSuffix(ApiClientOptions options, String client) {
		ApiSchema schema = this.schemas.get(client);
		DialectSettings dialect = options.dialect();
		if (schema == null || dialect.drfNegationSuffix() != null) {
			return options;
		}
		// An OpenAPI document that declares negated filters shows their suffix.
		return options.withDialect(dialect.withDrfNegationSuffix(schema.negationSuffix().orElse(null)));
	}

	/**
	 * The name of the SSL bundle of a client's connections: its own, else the default
	 * client's.
	 * @param name the client name
	 * @return the bundle's name, {@code null} when none is set
	 */
	@Nullable String sslBundle(String name) {
		return inherited(name, (client) -> client.getSsl().getBundle());
	}

	/**
	 * The path a client's health check requests.
	 * @param name the client name
	 * @return the path, empty for the base URL
	 */
	String healthPath(String name) {
		String path = inherited(name, (client) -> client.getHealth().getPath());
		return (path != null) ? path : "";
	}

	/**
	 * How long a client's health check waits.
	 * @param name the client name
	 * @return the timeout
	 */
	Duration healthTimeout(String name) {
		Duration timeout = inherited(name, (client) -> client.getHealth().getTimeout());
		return (timeout != null) ? timeout : HealthProperties.DEFAULT_TIMEOUT;
	}

	/**
	 * How long a client's health result is reused.
	 * @param name the client name
	 * @return the time to live, zero for none
	 * @throws ConfigurationException when it is negative
	 */
	Duration healthCacheTtl(String name) {
		Duration ttl = inherited(name, (client) -> client.getHealth().getCacheTtl());
		if (ttl == null) {
			return HealthProperties.DEFAULT_CACHE_TTL;
		}
		if (ttl.isNegative()) {
			throw new ConfigurationException(ApiClientSettings.propertyPrefix(name) + "health.cache-ttl=" + ttl
					+ " is invalid: must not be negative (0 checks the API on every call)");
		}
		return ttl;
	}

	private <V> @Nullable V inherited(String name, ClientKey<V> key) {
		ApiOrmClientProperties client = this.properties.getClients().get(name);
		V value = (client != null) ? key.apply(client) : null;
		return (value != null) ? value : key.apply(this.properties);
	}

	/**
	 * A key of a client's properties, {@code null} when the client does not set it.
	 */
	@FunctionalInterface
	private interface ClientKey<V> {

		@Nullable V apply(ApiOrmClientProperties client);

	}

	/**
	 * A size in bytes as an {@code int}.
	 * @throws ConfigurationException naming the property when it is 2GB or more
	 */
	static int bytes(DataSize size, String property) {
		if (size.toBytes() > Integer.MAX_VALUE) {
			throw new ConfigurationException("Invalid value '" + size + "' for " + property + ": must be at most 2GB");
		}
		return (int) size.toBytes();
	}

}
