package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Pagination;
import dev.apiorm.exception.ConfigurationException;

/**
 * The settings of one API client: where the API is, how to authenticate, and how to talk
 * to it. The defaults live in {@link #builder(String, URI)} alone, and every value is
 * checked here alone: a wrong one is a {@link ConfigurationException} naming the property
 * ({@code api-orm.page-size}, {@code api-orm.clients.billing.timeout}).
 *
 * @param name the client's name ({@code default} for the main one)
 * @param baseUrl the API's base URL; the token is sent only to its origin
 * @param token the token, {@code null} for none
 * @param authScheme the scheme written before the token ({@code Bearer}, {@code Token})
 * @param http2 whether to speak HTTP/2 (h2 over TLS, h2c with prior knowledge for http)
 * @param timeout how long to wait for a response
 * @param connectTimeout how long to wait for a connection
 * @param pageSize how many records to ask for per page
 * @param pagination how the API pages collections
 * @param dialect the name of the dialect
 * @param pool the connection pool settings
 * @param maxResponseSize the largest response body read into memory, in bytes
 * @param bulkConcurrency how many creates of a bulk create run at once
 * @param maxConcurrency how many requests may be in flight at once, {@code null} for no
 * limit beyond the pool
 * @param retry which failed requests are sent again, and when
 * @param deadline how long a whole call may take: its attempts, the waits between them
 * and the waits for a connection
 * @param verifyResults whether the records a query returns are checked against the query,
 * so that a parameter the API ignored fails the call instead of returning wrong records
 * @param saveChangedFields whether {@code save} of an instance read from the API sends
 * only the fields that changed since (a {@code PATCH}), or nothing when none did
 * @param optimisticLocking whether writes of an instance whose {@code ETag} is known send
 * {@code If-Match}
 * @param defaultHeaders headers sent with every request of the client
 * @param userAgent the {@code User-Agent} header
 * @param compression whether responses are asked for gzip-compressed
 * @param redirects which redirects are followed
 */
public record ApiClientSettings(String name, URI baseUrl, @Nullable String token, String authScheme, boolean http2,
		Duration timeout, Duration connectTimeout, int pageSize, Pagination pagination, String dialect, Pool pool,
		int maxResponseSize, int bulkConcurrency, @Nullable Integer maxConcurrency, Retry retry, Duration deadline,
		boolean verifyResults, boolean saveChangedFields, boolean optimisticLocking, Map<String, String> defaultHeaders,
		String userAgent, boolean compression, Redirects redirects) {

	public ApiClientSettings {
		if (name == null || name.isBlank()) {
			throw new ConfigurationException("An api-orm client needs a name");
		}
		String prefix = propertyPrefix(name);
		if (baseUrl == null) {
			throw new ConfigurationException(prefix + "base-url is required");
		}
		if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw invalid(prefix + "base-url", Urls.withoutSecrets(baseUrl),
					"must be an absolute http:// or https:// URL with a host");
		}
		positive(pageSize, prefix + "page-size");
		positive(bulkConcurrency, prefix + "bulk-concurrency");
		positive(maxResponseSize, prefix + "max-response-size");
		if (maxConcurrency != null) {
			positive(maxConcurrency, prefix + "max-concurrency");
		}
		positive(timeout, prefix + "timeout");
		positive(connectTimeout, prefix + "connect-timeout");
		positive(deadline, prefix + "deadline");
		if (pagination == null || pagination == Pagination.CLIENT_DEFAULT) {
			throw invalid(prefix + "pagination", pagination, "must name a style (limit-offset, page-number, none)");
		}
		if (dialect == null || dialect.isBlank()) {
			throw invalid(prefix + "dialect", dialect, "must name a dialect");
		}
		authScheme = (authScheme != null) ? authScheme.trim() : "";
		token = (token != null && !token.isBlank()) ? token : null;
		if (pool == null) {
			throw new ConfigurationException(prefix + "pool is required");
		}
		pool.check(prefix + "pool.");
		if (retry == null) {
			throw new ConfigurationException(prefix + "retry is required");
		}
		retry.check(prefix + "retry.");
		defaultHeaders = (defaultHeaders != null) ? Map.copyOf(defaultHeaders) : Map.of();
		for (Map.Entry<String, String> header : defaultHeaders.entrySet()) {
			if (!header.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
				throw invalid(prefix + "default-headers", header.getKey(), "must be a header name");
			}
			if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
				throw invalid(prefix + "default-headers." + header.getKey(), "(a value with a line break)",
						"must be one line");
			}
		}
		if (redirects == null) {
			throw new ConfigurationException(prefix + "redirects is required");
		}
		if (userAgent == null || userAgent.isBlank() || userAgent.indexOf('\n') >= 0 || userAgent.indexOf('\r') >= 0) {
			throw invalid(prefix + "user-agent", userAgent, "must be one non-empty line");
		}
	}

	/**
	 * Which redirects a client follows.
	 */
	public enum Redirects {

		/**
		 * 301, 302, 303, 307 and 308 within the base URL's origin; a redirect elsewhere
		 * is not followed, so the token never leaves the origin.
		 */
		SAME_ORIGIN,

		/** None: a redirect is an {@link dev.apiorm.exception.ApiHttpException}. */
		NEVER

	}

	/**
	 * The {@code User-Agent} api-orm sends unless told otherwise:
	 * {@code api-orm/<version>} from the jar's manifest, {@code api-orm} when run from
	 * classes.
	 */
	public static final String DEFAULT_USER_AGENT = userAgent(ApiClientSettings.class.getPackage());

	private static String userAgent(@Nullable Package info) {
		String version = (info != null) ? info.getImplementationVersion() : null;
		return (version != null) ? "api-orm/" + version : "api-orm";
	}

	/**
	 * Settings with every default, to change with the builder's methods.
	 * @param name the client's name
	 * @param baseUrl the API's base URL
	 * @return the builder
	 */
	public static Builder builder(String name, URI baseUrl) {
		return new Builder(name).baseUrl(baseUrl);
	}

	/**
	 * Settings with every default, for a base URL set later.
	 * @param name the client's name
	 * @return the builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Settings with the defaults for everything but the name and base URL.
	 * @param name the client name
	 * @param baseUrl the base URL
	 * @return the settings
	 */
	public static ApiClientSettings defaults(String name, URI baseUrl) {
		return builder(name, baseUrl).build();
	}

	/**
	 * The prefix of a client's configuration properties.
	 * @param name the client's name
	 * @return {@code api-orm.} for the default client, {@code api-orm.clients.<name>.}
	 * for the others
	 */
	public static String propertyPrefix(String name) {
		return ApiTemplates.DEFAULT_CLIENT.equals(name) ? "api-orm." : "api-orm.clients." + name + ".";
	}

	/**
	 * The base URL without user info, query or fragment, for display.
	 * @return the URL safe to show
	 */
	public String displayUrl() {
		return Urls.withoutSecrets(this.baseUrl);
	}

	@Override
	public String toString() {
		return "ApiClientSettings[name=" + this.name + ", baseUrl=" + displayUrl() + ", token="
				+ ((this.token != null) ? "******" : "none") + ", http2=" + this.http2 + ", timeout=" + this.timeout
				+ ", pageSize=" + this.pageSize + ", pagination=" + this.pagination + ", dialect=" + this.dialect + "]";
	}

	private static void positive(int value, String property) {
		if (value <= 0) {
			throw invalid(property, value, "must be positive");
		}
	}

	private static void positive(@Nullable Duration value, String property) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(property, value, "must be a positive duration");
		}
	}

	private static void notNegative(@Nullable Duration value, String property) {
		if (value == null || value.isNegative()) {
			throw invalid(property, value, "must not be negative");
		}
	}

	private static ConfigurationException invalid(String property, @Nullable Object value, String reason) {
		return new ConfigurationException("Invalid value '" + value + "' for " + property + ": " + reason);
	}

	/**
	 * Connection pool settings.
	 *
	 * @param maxConnections the most connections open at once
	 * @param maxIdleConnections the idle HTTP/1.1 connections to keep; beyond it an idle
	 * connection is closed when released or by the pool's background eviction ({@code 0}
	 * keeps none)
	 * @param maxIdleTime how long an idle connection is kept
	 * @param pendingAcquireTimeout how long a request waits for a free connection
	 * @param maxPendingAcquires how many requests may wait for a connection, {@code -1}
	 * for no limit (they wait up to {@code pendingAcquireTimeout} instead of failing at
	 * once), {@code 0} to fail at once when every connection is busy
	 * @param metrics whether Reactor Netty publishes the pool's own metrics to
	 * Micrometer's global registry
	 */
	public record Pool(int maxConnections, int maxIdleConnections, Duration maxIdleTime, Duration pendingAcquireTimeout,
			int maxPendingAcquires, boolean metrics) {

		/**
		 * The default pool: 100 connections, 20 idle, 30 s idle time, 10 s wait, no limit
		 * on waiting requests.
		 */
		public static final Pool DEFAULTS = new Pool(100, 20, Duration.ofSeconds(30), Duration.ofSeconds(10), -1,
				false);

		void check(String prefix) {
			positive(this.maxConnections, prefix + "max-connections");
			if (this.maxIdleConnections < 0) {
				throw invalid(prefix + "max-idle-connections", this.maxIdleConnections, "must not be negative");
			}
			notNegative(this.maxIdleTime, prefix + "max-idle-time");
			notNegative(this.pendingAcquireTimeout, prefix + "pending-acquire-timeout");
			if (this.maxPendingAcquires < -1) {
				throw invalid(prefix + "max-pending-acquires", this.maxPendingAcquires,
						"must be -1 (no limit), 0 or positive");
			}
		}

	}

	/**
	 * Which failed requests are sent again, and when (API.md "Resilience").
	 *
	 * @param maxAttempts attempts per request, the first included; 1 for no retries
	 * @param initialBackoff the wait before the first retry, doubled for each next one,
	 * with jitter
	 * @param maxBackoff the longest wait between two attempts
	 * @param maxRetryAfter the longest {@code Retry-After} waited for; a longer one
	 * propagates the 429 or 503
	 * @param methods the HTTP methods retried
	 * @param idempotencyKeyHeader the header that carries one key per logical create, the
	 * same on every attempt, which makes POST retryable; {@code null} for none
	 */
	public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
			Set<String> methods, @Nullable String idempotencyKeyHeader) {

		/**
		 * The default: 3 attempts, 200 ms doubling up to 5 s, Retry-After up to 30 s,
		 * GET, HEAD, PUT and DELETE, no idempotency key.
		 */
		public static final Retry DEFAULTS = new Retry(3, Duration.ofMillis(200), Duration.ofSeconds(5),
				Duration.ofSeconds(30), Set.of("GET", "HEAD", "PUT", "DELETE"), null);

		public Retry {
			methods = (methods != null) ? Set.copyOf(methods) : Set.of();
			idempotencyKeyHeader = (idempotencyKeyHeader != null && !idempotencyKeyHeader.isBlank())
					? idempotencyKeyHeader.trim() : null;
		}

		/**
		 * Whether a request of this method may be sent again after it may have reached
		 * the server.
		 * @param method the HTTP method
		 * @return {@code true} for the listed methods, and for POST with an idempotency
		 * key
		 */
		public boolean retries(String method) {
			return this.methods.contains(method) || ("POST".equals(method) && this.idempotencyKeyHeader != null);
		}

		void check(String prefix) {
			positive(this.maxAttempts, prefix + "max-attempts");
			notNegative(this.initialBackoff, prefix + "initial-backoff");
			notNegative(this.maxBackoff, prefix + "max-backoff");
			notNegative(this.maxRetryAfter, prefix + "max-retry-after");
		}

	}

	/**
	 * Builds {@link ApiClientSettings} from the defaults; the one place the defaults are
	 * written.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable URI baseUrl;

		private @Nullable String token;

		private String authScheme = "Bearer";

		private boolean http2;

		private Duration timeout = Duration.ofSeconds(30);

		private Duration connectTimeout = Duration.ofSeconds(5);

		private int pageSize = 100;

		private Pagination pagination = Pagination.LIMIT_OFFSET;

		private String dialect = "drf";

		private Pool pool = Pool.DEFAULTS;

		private int maxResponseSize = 16 * 1024 * 1024;

		private int bulkConcurrency = 4;

		private @Nullable Integer maxConcurrency;

		private Retry retry = Retry.DEFAULTS;

		private Duration deadline = Duration.ofSeconds(60);

		private boolean verifyResults = true;

		private boolean saveChangedFields = true;

		private boolean optimisticLocking = true;

		private Map<String, String> defaultHeaders = Map.of();

		private String userAgent = DEFAULT_USER_AGENT;

		private boolean compression;

		private Redirects redirects = Redirects.SAME_ORIGIN;

		private Builder(String name) {
			this.name = name;
		}

		/**
		 * The API's base URL.
		 * @param baseUrl an absolute http(s) URL
		 * @return this builder
		 */
		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Whether a base URL was set.
		 * @return {@code true} when it was
		 */
		public boolean hasBaseUrl() {
			return this.baseUrl != null;
		}

		/**
		 * The token, sent as {@code Authorization: <authScheme> <token>}.
		 * @param token the token, {@code null} for none
		 * @return this builder
		 */
		public Builder token(@Nullable String token) {
			this.token = token;
			return this;
		}

		/**
		 * The scheme before the token (default {@code Bearer}; {@code Token} for DRF).
		 * @param authScheme the scheme
		 * @return this builder
		 */
		public Builder authScheme(String authScheme) {
			this.authScheme = authScheme;
			return this;
		}

		/**
		 * Whether to speak HTTP/2 (default {@code false}).
		 * @param http2 {@code true} for h2 (TLS) or h2c (prior knowledge)
		 * @return this builder
		 */
		public Builder http2(boolean http2) {
			this.http2 = http2;
			return this;
		}

		/**
		 * The response timeout (default 30 s).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * The connect timeout (default 5 s).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * The records per page when following pages (default 100).
		 * @param pageSize the page size
		 * @return this builder
		 */
		public Builder pageSize(int pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * How the API pages collections (default limit/offset).
		 * @param pagination the pagination style
		 * @return this builder
		 */
		public Builder pagination(Pagination pagination) {
			this.pagination = pagination;
			return this;
		}

		/**
		 * The dialect's name (default {@code drf}).
		 * @param dialect the name
		 * @return this builder
		 */
		public Builder dialect(String dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * The connection pool (default {@link Pool#DEFAULTS}).
		 * @param pool the pool settings
		 * @return this builder
		 */
		public Builder pool(Pool pool) {
			this.pool = pool;
			return this;
		}

		/**
		 * The largest response body read into memory (default 16 MB).
		 * @param bytes the size in bytes
		 * @return this builder
		 */
		public Builder maxResponseSize(int bytes) {
			this.maxResponseSize = bytes;
			return this;
		}

		/**
		 * How many creates of a bulk create run at once (default 4).
		 * @param bulkConcurrency the concurrency
		 * @return this builder
		 */
		public Builder bulkConcurrency(int bulkConcurrency) {
			this.bulkConcurrency = bulkConcurrency;
			return this;
		}

		/**
		 * How many requests may be in flight at once; callers beyond wait (default no
		 * limit beyond the pool).
		 * @param maxConcurrency the limit, {@code null} for none
		 * @return this builder
		 */
		public Builder maxConcurrency(@Nullable Integer maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
			return this;
		}

		/**
		 * Which failed requests are sent again (default {@link Retry#DEFAULTS}).
		 * @param retry the retry settings
		 * @return this builder
		 */
		public Builder retry(Retry retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * How long a whole call may take, its attempts and waits included (default 60 s).
		 * @param deadline the deadline
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			this.deadline = deadline;
			return this;
		}

		/**
		 * Whether the records a query returns are checked against the query (default
		 * {@code true}): a record that contradicts a filter, an ordering or the window
		 * asked for fails the call with an
		 * {@link dev.apiorm.exception.IgnoredFilterException}.
		 * @param verifyResults whether to check
		 * @return this builder
		 */
		public Builder verifyResults(boolean verifyResults) {
			this.verifyResults = verifyResults;
			return this;
		}

		/**
		 * Whether {@code save} of an instance read from the API sends only the fields
		 * that changed since it was read (default {@code true}); {@code false} PUTs every
		 * save of an existing record.
		 * @param saveChangedFields whether to track changes
		 * @return this builder
		 */
		public Builder saveChangedFields(boolean saveChangedFields) {
			this.saveChangedFields = saveChangedFields;
			return this;
		}

		/**
		 * Whether writes of an instance whose {@code ETag} is known send {@code If-Match}
		 * (default {@code true}), so that a record changed by another writer since it was
		 * read fails with {@link dev.apiorm.exception.PreconditionFailedException}.
		 * @param optimisticLocking whether to send {@code If-Match}
		 * @return this builder
		 */
		public Builder optimisticLocking(boolean optimisticLocking) {
			this.optimisticLocking = optimisticLocking;
			return this;
		}

		/**
		 * Headers sent with every request of the client.
		 * @param defaultHeaders header names and values
		 * @return this builder
		 */
		public Builder defaultHeaders(Map<String, String> defaultHeaders) {
			this.defaultHeaders = defaultHeaders;
			return this;
		}

		/**
		 * The {@code User-Agent} header (default {@code api-orm}).
		 * @param userAgent the header's value
		 * @return this builder
		 */
		public Builder userAgent(String userAgent) {
			this.userAgent = userAgent;
			return this;
		}

		/**
		 * Whether responses are asked for gzip-compressed (default {@code false}).
		 * @param compression whether to ask
		 * @return this builder
		 */
		public Builder compression(boolean compression) {
			this.compression = compression;
			return this;
		}

		/**
		 * Which redirects are followed (default {@link Redirects#SAME_ORIGIN}).
		 * @param redirects the rule
		 * @return this builder
		 */
		public Builder redirects(Redirects redirects) {
			this.redirects = redirects;
			return this;
		}

		/**
		 * The settings, checked.
		 * @return the settings
		 * @throws ConfigurationException naming the property of a wrong value
		 */
		public ApiClientSettings build() {
			if (this.baseUrl == null) {
				throw new ConfigurationException(propertyPrefix(this.name) + "base-url is required");
			}
			return new ApiClientSettings(this.name, this.baseUrl, this.token, this.authScheme, this.http2, this.timeout,
					this.connectTimeout, this.pageSize, this.pagination, this.dialect, this.pool, this.maxResponseSize,
					this.bulkConcurrency, this.maxConcurrency, this.retry, this.deadline, this.verifyResults,
					this.saveChangedFields, this.optimisticLocking, this.defaultHeaders, this.userAgent,
					this.compression, this.redirects);
		}

	}

}
