package dev.apiorm.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.core.ApiClientSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * The keys of one API client. Under {@code api-orm} they configure the default client;
 * under {@code api-orm.clients.<name>} a named one, where each key left unset is taken
 * from the default client's.
 */
public class ApiOrmClientProperties {

	/**
	 * Base URL of the API, such as https://api.example.com. The token is sent to this
	 * origin only.
	 */
	private @Nullable URI baseUrl;

	/**
	 * Token sent as "Authorization: <auth-scheme> <token>". Never logged or shown.
	 */
	private @Nullable String token;

	/**
	 * Scheme written before the token: "Bearer", or "Token" for DRF's
	 * TokenAuthentication. Empty to send the token alone.
	 */
	private @Nullable String authScheme;

	/**
	 * Whether to speak HTTP/2: h2 with ALPN over TLS, h2c with prior knowledge for http
	 * URLs.
	 */
	private @Nullable Boolean http2;

	/**
	 * How long to wait for a response.
	 */
	private @Nullable Duration timeout;

	/**
	 * How long a whole call may take: its attempts, the waits between them and for a
	 * connection (default 60s).
	 */
	private @Nullable Duration deadline;

	/**
	 * Whether the records a query returns are checked against the query, so that a
	 * filter, ordering or page the API ignored fails the call with IgnoredFilterException
	 * instead of returning wrong records (default true).
	 */
	private @Nullable Boolean verifyResults;

	/**
	 * Whether save of an instance the API handed out (read, listed, iterated or written)
	 * sends only the fields that changed since (a PATCH), or nothing when none did; false
	 * tracks no listed record and PUTs every save of an existing record (default true).
	 */
	private @Nullable Boolean saveChangedFields;

	/**
	 * Headers sent with every request of the client (a named client's replace the default
	 * client's).
	 */
	private @Nullable Map<String, String> defaultHeaders;

	/**
	 * The User-Agent header (default api-orm/ and the version).
	 */
	private @Nullable String userAgent;

	/**
	 * Whether responses are asked for gzip-compressed (default false).
	 */
	private @Nullable Boolean compression;

	/**
	 * Which redirects are followed: same-origin (301, 302, 303, 307, 308 within the base
	 * URL's origin; the default) or never.
	 */
	private ApiClientSettings.@Nullable Redirects redirects;

	/**
	 * Whether writes of an instance whose ETag is known send If-Match, so that a record
	 * another writer changed fails with PreconditionFailedException (default true).
	 */
	private @Nullable Boolean optimisticLocking;

	/**
	 * How long to wait for a connection.
	 */
	private @Nullable Duration connectTimeout;

	/**
	 * Records per page when following pages.
	 */
	private @Nullable Integer pageSize;

	/**
	 * How the API pages collections: limit-offset (DRF LimitOffsetPagination),
	 * page-number (PageNumberPagination) or none (a plain JSON array).
	 */
	private @Nullable Pagination pagination;

	/**
	 * How queries and pages are written and read ("drf").
	 */
	private @Nullable String dialect;

	/**
	 * Largest response body read into memory; a larger one fails with ApiDecodeException.
	 */
	private @Nullable DataSize maxResponseSize;

	/**
	 * How many creates of a bulk create run at once.
	 */
	private @Nullable Integer bulkConcurrency;

	/**
	 * Most requests in flight at once on this client; callers beyond it wait. No limit
	 * beyond the pool when unset.
	 */
	private @Nullable Integer maxConcurrency;

	/**
	 * TLS of the connections.
	 */
	@NestedConfigurationProperty
	private ApiOrmProperties.@Nullable Ssl ssl;

	/**
	 * Connection pool.
	 */
	@NestedConfigurationProperty
	private ApiOrmProperties.@Nullable Pool pool;

	/**
	 * Which failed requests are sent again, and when.
	 */
	@NestedConfigurationProperty
	private ApiOrmProperties.@Nullable Retry retry;

	/**
	 * Actuator health check.
	 */
	@NestedConfigurationProperty
	private ApiOrmProperties.@Nullable Health health;

	/**
	 * The API's OpenAPI document; not inherited by named clients.
	 */
	private ApiOrmProperties.@Nullable Schema schema;

	public @Nullable URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable String getAuthScheme() {
		return this.authScheme;
	}

	public void setAuthScheme(@Nullable String authScheme) {
		this.authScheme = authScheme;
	}

	public @Nullable Boolean getHttp2() {
		return this.http2;
	}

	public void setHttp2(@Nullable Boolean http2) {
		this.http2 = http2;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Duration getDeadline() {
		return this.deadline;
	}

	public void setDeadline(@Nullable Duration deadline) {
		this.deadline = deadline;
	}

	public @Nullable Map<String, String> getDefaultHeaders() {
		return this.defaultHeaders;
	}

	public void setDefaultHeaders(@Nullable Map<String, String> defaultHeaders) {
		this.defaultHeaders = defaultHeaders;
	}

	public @Nullable Boolean getCompression() {
		return this.compression;
	}

	public void setCompression(@Nullable Boolean compression) {
		this.compression = compression;
	}

	public ApiClientSettings.@Nullable Redirects getRedirects() {
		return this.redirects;
	}

	public void setRedirects(ApiClientSettings.@Nullable Redirects redirects) {
		this.redirects = redirects;
	}

	public @Nullable String getUserAgent() {
		return this.userAgent;
	}

	public void setUserAgent(@Nullable String userAgent) {
		this.userAgent = userAgent;
	}

	public @Nullable Boolean getSaveChangedFields() {
		return this.saveChangedFields;
	}

	public void setSaveChangedFields(@Nullable Boolean saveChangedFields) {
		this.saveChangedFields = saveChangedFields;
	}

	public @Nullable Boolean getOptimisticLocking() {
		return this.optimisticLocking;
	}

	public void setOptimisticLocking(@Nullable Boolean optimisticLocking) {
		this.optimisticLocking = optimisticLocking;
	}

	public @Nullable Boolean getVerifyResults() {
		return this.verifyResults;
	}

	public void setVerifyResults(@Nullable Boolean verifyResults) {
		this.verifyResults = verifyResults;
	}

	public @Nullable Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public @Nullable Integer getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(@Nullable Integer pageSize) {
		this.pageSize = pageSize;
	}

	public @Nullable Pagination getPagination() {
		return this.pagination;
	}

	public void setPagination(@Nullable Pagination pagination) {
		this.pagination = pagination;
	}

	public @Nullable String getDialect() {
		return this.dialect;
	}

	public void setDialect(@Nullable String dialect) {
		this.dialect = dialect;
	}

	public @Nullable DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(@Nullable DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public @Nullable Integer getBulkConcurrency() {
		return this.bulkConcurrency;
	}

	public void setBulkConcurrency(@Nullable Integer bulkConcurrency) {
		this.bulkConcurrency = bulkConcurrency;
	}

	public @Nullable Integer getMaxConcurrency() {
		return this.maxConcurrency;
	}

	public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
		this.maxConcurrency = maxConcurrency;
	}

	public ApiOrmProperties.@Nullable Retry getRetry() {
		return this.retry;
	}

	public void setRetry(ApiOrmProperties.@Nullable Retry retry) {
		this.retry = retry;
	}

	public ApiOrmProperties.@Nullable Ssl getSsl() {
		return this.ssl;
	}

	public void setSsl(ApiOrmProperties.@Nullable Ssl ssl) {
		this.ssl = ssl;
	}

	public ApiOrmProperties.@Nullable Pool getPool() {
		return this.pool;
	}

	public void setPool(ApiOrmProperties.@Nullable Pool pool) {
		this.pool = pool;
	}

	public ApiOrmProperties.@Nullable Schema getSchema() {
		return this.schema;
	}

	public void setSchema(ApiOrmProperties.@Nullable Schema schema) {
		this.schema = schema;
	}

	public ApiOrmProperties.@Nullable Health getHealth() {
		return this.health;
	}

	public void setHealth(ApiOrmProperties.@Nullable Health health) {
		this.health = health;
	}

}
