package dev.apiorm.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.unit.DataSize;

import dev.apiorm.Pagination;
import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.CheckSettings;
import dev.apiorm.core.HeaderSettings;
import dev.apiorm.core.HttpSettings;
import dev.apiorm.core.PagingSettings;
import dev.apiorm.core.WriteSettings;
import dev.apiorm.dialect.builtin.DialectSettings;

/**
 * The keys of one API client: under {@code api-orm} the default client's, under
 * {@code api-orm.clients.<name>} a named one's, which takes each key it leaves unset from
 * {@code api-orm.*} (but the base URL, token and schema, which belong to one API).
 */
public class ApiOrmClientProperties {

	/** Base URL of the API; the token is sent to its origin only. */
	private @Nullable URI baseUrl;

	/** Token sent as "Authorization: <auth-scheme> <token>"; never logged or shown. */
	private @Nullable String token;

	/** Scheme before the token: "Bearer", "Token" for DRF, empty for the token alone. */
	private @Nullable String authScheme;

	/** Whether to speak HTTP/2: h2 over TLS, h2c with prior knowledge over http. */
	private @Nullable Boolean http2;

	/** How long to wait for a whole response, headers and body. */
	private @Nullable Duration timeout;

	/** How long to wait for a connection. */
	private @Nullable Duration connectTimeout;

	/** How long a whole call may take, its attempts and waits included (default 60s). */
	private @Nullable Duration deadline;

	/** Largest response body read into memory; larger fails with ApiDecodeException. */
	private @Nullable DataSize maxResponseSize;

	/** Most requests in flight at once on this client; unset, the pool's size. */
	private @Nullable Integer maxConcurrency;

	/** Whether responses are asked for gzip-compressed (default false). */
	private @Nullable Boolean compression;

	/** Which redirects are followed: same-origin (the default) or never. */
	private ApiClientSettings.@Nullable Redirects redirects;

	/** The User-Agent header (default api-orm/ and the version). */
	private @Nullable String userAgent;

	/** Headers sent with every request; a named client's replace api-orm's. */
	private @Nullable Map<String, String> defaultHeaders;

	/** Records per page when following pages. */
	private @Nullable Integer pageSize;

	/** How the API pages collections: limit-offset, page-number or none. */
	private @Nullable Pagination pagination;

	/** Most records list() may hold; more fail, pointing to stream() (default 100000). */
	private @Nullable Integer maxListRecords;

	/** Whether results are checked against the query (default true). */
	private @Nullable Boolean verifyResults;

	/** Whether saving a read instance PATCHes only what changed (default true). */
	private @Nullable Boolean saveChangedFields;

	/** Whether writes of an instance whose ETag is known send If-Match (default true). */
	private @Nullable Boolean optimisticLocking;

	/** How many creates of a bulk create run at once. */
	private @Nullable Integer bulkConcurrency;

	/** How queries and pages are written and read (drf, spring-page, ...). */
	private @Nullable String dialect;

	/** TLS of the connections. */
	@NestedConfigurationProperty
	private final SslProperties ssl = new SslProperties();

	/** Connection pool. */
	@NestedConfigurationProperty
	private final PoolProperties pool = new PoolProperties();

	/** Which failed requests are sent again, and when. */
	@NestedConfigurationProperty
	private final RetryProperties retry = new RetryProperties();

	/** Rate budget: requests per period, waited for instead of answered 429. */
	@NestedConfigurationProperty
	private final RateLimitProperties rateLimit = new RateLimitProperties();

	/** HTTP cache of the GETs (RFC 9111), kept in a cache of the CacheManager. */
	@NestedConfigurationProperty
	private final HttpCacheProperties cache = new HttpCacheProperties();

	/** Actuator health check. */
	@NestedConfigurationProperty
	private final HealthProperties health = new HealthProperties();

	/** The API's OpenAPI document; not inherited by named clients. */
	@NestedConfigurationProperty
	private final SchemaProperties schema = new SchemaProperties();

	/** The Django REST Framework dialect. */
	@NestedConfigurationProperty
	private final DrfProperties drf = new DrfProperties();

	/** The spring-page dialect (controllers returning Page or PagedModel). */
	@NestedConfigurationProperty
	private final DeclaredFiltersProperties springPage = new DeclaredFiltersProperties();

	/** The spring-data-rest dialect. */
	@NestedConfigurationProperty
	private final DeclaredFiltersProperties springDataRest = new DeclaredFiltersProperties();

	/** The jsonapi dialect. */
	@NestedConfigurationProperty
	private final DeclaredFiltersProperties jsonapi = new DeclaredFiltersProperties();

	/** A server's convention described by properties (the convention dialect). */
	@NestedConfigurationProperty
	private final ConventionProperties convention = new ConventionProperties();

	/**
	 * Lays the keys set here over some options.
	 * @param options the options so far
	 * @param prefix the prefix of these keys, for messages
	 * @return the options with these keys applied
	 */
	ApiClientOptions applyTo(ApiClientOptions options, String prefix) {
		PropertyMapper map = PropertyMapper.get();
		HttpSettings http = options.http();
		http = map.from(this.http2).to(http, HttpSettings::withHttp2);
		http = map.from(this.timeout).to(http, HttpSettings::withTimeout);
		http = map.from(this.connectTimeout).to(http, HttpSettings::withConnectTimeout);
		http = map.from(this.deadline).to(http, HttpSettings::withDeadline);
		http = map.from(this.maxResponseSize)
			.as((size) -> ApiClientSettingsFactory.bytes(size, prefix + "max-response-size"))
			.to(http, HttpSettings::withMaxResponseSize);
		http = map.from(this.maxConcurrency).to(http, HttpSettings::withMaxConcurrency);
		http = map.from(this.compression).to(http, HttpSettings::withCompression);
		http = map.from(this.redirects).to(http, HttpSettings::withRedirects);
		HeaderSettings headers = options.headers();
		headers = map.from(this.authScheme).to(headers, HeaderSettings::withAuthScheme);
		headers = map.from(this.userAgent).to(headers, HeaderSettings::withUserAgent);
		headers = map.from(this.defaultHeaders).to(headers, HeaderSettings::withDefaultHeaders);
		PagingSettings paging = options.paging();
		paging = map.from(this.pageSize).to(paging, PagingSettings::withPageSize);
		paging = map.from(this.pagination).to(paging, PagingSettings::withPagination);
		paging = map.from(this.maxListRecords).to(paging, PagingSettings::withMaxListRecords);
		CheckSettings checks = map.from(this.verifyResults).to(options.checks(), CheckSettings::withVerifyResults);
		WriteSettings writes = options.writes();
		writes = map.from(this.saveChangedFields).to(writes, WriteSettings::withSaveChangedFields);
		writes = map.from(this.optimisticLocking).to(writes, WriteSettings::withOptimisticLocking);
		writes = map.from(this.bulkConcurrency).to(writes, WriteSettings::withBulkConcurrency);
		DialectSettings dialect = options.dialect();
		dialect = map.from(this.dialect).to(dialect, DialectSettings::withName);
		dialect = map.from(this.drf.getNegationSuffix()).to(dialect, DialectSettings::withDrfNegationSuffix);
		dialect = dialect.withSpringPage(this.springPage.applyTo(dialect.springPage()))
			.withSpringDataRest(this.springDataRest.applyTo(dialect.springDataRest()))
			.withJsonapi(this.jsonapi.applyTo(dialect.jsonapi()));
		return this.convention.applyTo(new ApiClientOptions(http, headers, paging, checks, writes,
				this.retry.applyTo(options.retry()), this.pool.applyTo(options.pool()), dialect,
				this.rateLimit.applyTo(options.rateLimit()), this.cache.applyTo(options.cache())), this.dialect,
				this.pagination, prefix);
	}

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

	public @Nullable Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public @Nullable Duration getDeadline() {
		return this.deadline;
	}

	public void setDeadline(@Nullable Duration deadline) {
		this.deadline = deadline;
	}

	public @Nullable DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(@Nullable DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public @Nullable Integer getMaxConcurrency() {
		return this.maxConcurrency;
	}

	public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
		this.maxConcurrency = maxConcurrency;
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

	public @Nullable Map<String, String> getDefaultHeaders() {
		return this.defaultHeaders;
	}

	public void setDefaultHeaders(@Nullable Map<String, String> defaultHeaders) {
		this.defaultHeaders = defaultHeaders;
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

	public @Nullable Integer getMaxListRecords() {
		return this.maxListRecords;
	}

	public void setMaxListRecords(@Nullable Integer maxListRecords) {
		this.maxListRecords = maxListRecords;
	}

	public @Nullable Boolean getVerifyResults() {
		return this.verifyResults;
	}

	public void setVerifyResults(@Nullable Boolean verifyResults) {
		this.verifyResults = verifyResults;
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

	public @Nullable Integer getBulkConcurrency() {
		return this.bulkConcurrency;
	}

	public void setBulkConcurrency(@Nullable Integer bulkConcurrency) {
		this.bulkConcurrency = bulkConcurrency;
	}

	public @Nullable String getDialect() {
		return this.dialect;
	}

	public void setDialect(@Nullable String dialect) {
		this.dialect = dialect;
	}

	public SslProperties getSsl() {
		return this.ssl;
	}

	public PoolProperties getPool() {
		return this.pool;
	}

	public RetryProperties getRetry() {
		return this.retry;
	}

	public RateLimitProperties getRateLimit() {
		return this.rateLimit;
	}

	public HttpCacheProperties getCache() {
		return this.cache;
	}

	public HealthProperties getHealth() {
		return this.health;
	}

	public SchemaProperties getSchema() {
		return this.schema;
	}

	public DrfProperties getDrf() {
		return this.drf;
	}

	public DeclaredFiltersProperties getSpringPage() {
		return this.springPage;
	}

	public DeclaredFiltersProperties getSpringDataRest() {
		return this.springDataRest;
	}

	public DeclaredFiltersProperties getJsonapi() {
		return this.jsonapi;
	}

	public ConventionProperties getConvention() {
		return this.convention;
	}

}
