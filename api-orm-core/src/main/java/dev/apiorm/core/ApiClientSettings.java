package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.apiorm.dialect.builtin.DialectSettings;
import dev.apiorm.exception.ConfigurationException;

/**
 * The settings of one API client: where the API is, its token, and its
 * {@link ApiClientOptions} (every other setting, in groups that each declare their
 * defaults once). Every value is checked here: a wrong one is a
 * {@link ConfigurationException} naming the property of the client it belongs to
 * ({@code api-orm.page-size}, {@code api-orm.clients.billing.timeout}).
 *
 * @param name the client's name ({@code default} for the main one)
 * @param baseUrl the API's base URL; the token is sent only to its origin
 * @param token the token, {@code null} for none
 * @param options everything else the client is configured with
 */
public record ApiClientSettings(String name, URI baseUrl, @Nullable String token, ApiClientOptions options) {

	public ApiClientSettings {
		if (name == null || name.isBlank()) {
			throw new ConfigurationException("An api-orm client needs a name");
		}
		String prefix = propertyPrefix(name);
		SettingRules.required(baseUrl, prefix + "base-url");
		if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw SettingRules.invalid(prefix + "base-url", Urls.withoutSecrets(baseUrl),
					"must be an absolute http:// or https:// URL with a host");
		}
		token = (token != null && !token.isBlank()) ? token : null;
		if (token != null) {
			SettingRules.headerValue(token, prefix + "token");
		}
		SettingRules.required(options, prefix + "options").check(prefix);
	}

	/**
	 * Settings with the defaults for everything but the name and base URL.
	 * @param name the client name
	 * @param baseUrl the base URL
	 * @return the settings
	 * @throws ConfigurationException when the name or the URL is wrong
	 */
	public static ApiClientSettings defaults(String name, URI baseUrl) {
		return new ApiClientSettings(name, baseUrl, null, ApiClientOptions.DEFAULTS);
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
	 * A copy with another token.
	 * @param token the token, {@code null} for none
	 * @return the settings, checked
	 */
	public ApiClientSettings withToken(@Nullable String token) {
		return new ApiClientSettings(this.name, this.baseUrl, token, this.options);
	}

	/**
	 * A copy with other options.
	 * @param options the options
	 * @return the settings, checked
	 */
	public ApiClientSettings withOptions(ApiClientOptions options) {
		return new ApiClientSettings(this.name, this.baseUrl, this.token, options);
	}

	/**
	 * The protocol, time bounds and sizes: {@code options().http()}.
	 * @return the settings
	 */
	public HttpSettings http() {
		return this.options.http();
	}

	/**
	 * The authentication scheme, user agent and other headers:
	 * {@code options().headers()}.
	 * @return the settings
	 */
	public HeaderSettings headers() {
		return this.options.headers();
	}

	/**
	 * How collections are read: {@code options().paging()}.
	 * @return the settings
	 */
	public PagingSettings paging() {
		return this.options.paging();
	}

	/**
	 * What is checked in the answers: {@code options().checks()}.
	 * @return the settings
	 */
	public CheckSettings checks() {
		return this.options.checks();
	}

	/**
	 * How records are written: {@code options().writes()}.
	 * @return the settings
	 */
	public WriteSettings writes() {
		return this.options.writes();
	}

	/**
	 * Which failed requests are sent again, and when: {@code options().retry()}.
	 * @return the settings
	 */
	public Retry retry() {
		return this.options.retry();
	}

	/**
	 * The connection pool: {@code options().pool()}.
	 * @return the settings
	 */
	public Pool pool() {
		return this.options.pool();
	}

	/**
	 * Which convention the API speaks: {@code options().dialect()}.
	 * @return the settings
	 */
	public DialectSettings dialect() {
		return this.options.dialect();
	}

	/**
	 * How many requests the client may send per period: {@code options().rateLimit()}.
	 * @return the settings
	 */
	public RateLimitSettings rateLimit() {
		return this.options.rateLimit();
	}

	/**
	 * Whether and where the client's GETs are cached: {@code options().cache()}.
	 * @return the settings
	 */
	public HttpCacheSettings cache() {
		return this.options.cache();
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
				+ ((this.token != null) ? "******" : "none") + ", " + this.options + "]";
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
	 * Connection pool settings ({@code api-orm.pool.*}). Each {@code withX} returns a
	 * copy with one value changed.
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
		 * on waiting requests, no pool metrics.
		 */
		public static final Pool DEFAULTS = new Pool(100, 20, Duration.ofSeconds(30), Duration.ofSeconds(10), -1,
				false);

		public Pool withMaxConnections(int maxConnections) {
			return new Pool(maxConnections, this.maxIdleConnections, this.maxIdleTime, this.pendingAcquireTimeout,
					this.maxPendingAcquires, this.metrics);
		}

		public Pool withMaxIdleConnections(int maxIdleConnections) {
			return new Pool(this.maxConnections, maxIdleConnections, this.maxIdleTime, this.pendingAcquireTimeout,
					this.maxPendingAcquires, this.metrics);
		}

		public Pool withMaxIdleTime(Duration maxIdleTime) {
			return new Pool(this.maxConnections, this.maxIdleConnections, maxIdleTime, this.pendingAcquireTimeout,
					this.maxPendingAcquires, this.metrics);
		}

		public Pool withPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			return new Pool(this.maxConnections, this.maxIdleConnections, this.maxIdleTime, pendingAcquireTimeout,
					this.maxPendingAcquires, this.metrics);
		}

		public Pool withMaxPendingAcquires(int maxPendingAcquires) {
			return new Pool(this.maxConnections, this.maxIdleConnections, this.maxIdleTime, this.pendingAcquireTimeout,
					maxPendingAcquires, this.metrics);
		}

		public Pool withMetrics(boolean metrics) {
			return new Pool(this.maxConnections, this.maxIdleConnections, this.maxIdleTime, this.pendingAcquireTimeout,
					this.maxPendingAcquires, metrics);
		}

		void check(String prefix) {
			SettingRules.positive(this.maxConnections, prefix + "max-connections");
			if (this.maxIdleConnections < 0) {
				throw SettingRules.invalid(prefix + "max-idle-connections", this.maxIdleConnections,
						"must not be negative");
			}
			SettingRules.notNegative(this.maxIdleTime, prefix + "max-idle-time");
			SettingRules.notNegative(this.pendingAcquireTimeout, prefix + "pending-acquire-timeout");
			if (this.maxPendingAcquires < -1) {
				throw SettingRules.invalid(prefix + "max-pending-acquires", this.maxPendingAcquires,
						"must be -1 (no limit), 0 or positive");
			}
		}

	}

	/**
	 * Which failed requests are sent again, and when (API.md "Resilience",
	 * {@code api-orm.retry.*}). Each {@code withX} returns a copy with one value changed.
	 *
	 * @param maxAttempts attempts per request, the first included; 1 for no retries
	 * @param initialBackoff the wait before the first retry, doubled for each next one,
	 * with jitter
	 * @param maxBackoff the longest wait between two attempts
	 * @param maxRetryAfter the longest {@code Retry-After} waited for; a longer one
	 * propagates the 429 or 503
	 * @param methods the HTTP methods retried, in upper case
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
			methods = (methods != null) ? methods.stream()
				.map((method) -> method.trim().toUpperCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet()) : Set.of();
			idempotencyKeyHeader = (idempotencyKeyHeader != null && !idempotencyKeyHeader.isBlank())
					? idempotencyKeyHeader.trim() : null;
		}

		public Retry withMaxAttempts(int maxAttempts) {
			return new Retry(maxAttempts, this.initialBackoff, this.maxBackoff, this.maxRetryAfter, this.methods,
					this.idempotencyKeyHeader);
		}

		public Retry withInitialBackoff(Duration initialBackoff) {
			return new Retry(this.maxAttempts, initialBackoff, this.maxBackoff, this.maxRetryAfter, this.methods,
					this.idempotencyKeyHeader);
		}

		public Retry withMaxBackoff(Duration maxBackoff) {
			return new Retry(this.maxAttempts, this.initialBackoff, maxBackoff, this.maxRetryAfter, this.methods,
					this.idempotencyKeyHeader);
		}

		public Retry withMaxRetryAfter(Duration maxRetryAfter) {
			return new Retry(this.maxAttempts, this.initialBackoff, this.maxBackoff, maxRetryAfter, this.methods,
					this.idempotencyKeyHeader);
		}

		public Retry withMethods(Set<String> methods) {
			return new Retry(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.maxRetryAfter, methods,
					this.idempotencyKeyHeader);
		}

		public Retry withIdempotencyKeyHeader(@Nullable String idempotencyKeyHeader) {
			return new Retry(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.maxRetryAfter, this.methods,
					idempotencyKeyHeader);
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
			SettingRules.positive(this.maxAttempts, prefix + "max-attempts");
			SettingRules.notNegative(this.initialBackoff, prefix + "initial-backoff");
			SettingRules.notNegative(this.maxBackoff, prefix + "max-backoff");
			SettingRules.notNegative(this.maxRetryAfter, prefix + "max-retry-after");
			if (this.idempotencyKeyHeader != null) {
				SettingRules.token(this.idempotencyKeyHeader, prefix + "idempotency-key-header");
			}
		}

	}

}
