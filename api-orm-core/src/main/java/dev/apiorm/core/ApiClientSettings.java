package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;

/**
 * The settings of one API client: where the API is, how to authenticate, and how to talk
 * to it.
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
 */
public record ApiClientSettings(String name, URI baseUrl, @Nullable String token, String authScheme, boolean http2,
		Duration timeout, Duration connectTimeout, int pageSize, Pagination pagination, String dialect, Pool pool,
		int maxResponseSize, int bulkConcurrency, @Nullable Integer maxConcurrency) {

	public ApiClientSettings {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(baseUrl, "baseUrl must not be null");
		Assert.isTrue(baseUrl.isAbsolute() && baseUrl.getHost() != null,
				() -> "baseUrl must be an absolute http(s) URL, not '" + baseUrl + "'");
		Assert.isTrue("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()),
				() -> "baseUrl must use http or https, not '" + baseUrl.getScheme() + "'");
		Assert.isTrue(pageSize > 0, "pageSize must be positive");
		Assert.isTrue(pagination != Pagination.CLIENT_DEFAULT, "pagination must name a style");
		Assert.isTrue(maxResponseSize > 0, "maxResponseSize must be positive");
		Assert.isTrue(bulkConcurrency > 0, "bulkConcurrency must be positive");
		Assert.isTrue(maxConcurrency == null || maxConcurrency > 0, "maxConcurrency must be positive");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		Assert.isTrue(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
	}

	/**
	 * Settings with the defaults for everything but the name and base URL.
	 * @param name the client name
	 * @param baseUrl the base URL
	 * @return the settings
	 */
	public static ApiClientSettings defaults(String name, URI baseUrl) {
		return new ApiClientSettings(name, baseUrl, null, "Bearer", false, Duration.ofSeconds(30),
				Duration.ofSeconds(5), 100, Pagination.LIMIT_OFFSET, "drf", Pool.DEFAULTS, 16 * 1024 * 1024, 4, null);
	}

	/**
	 * The base URL without user info, query or fragment, for display.
	 * @return the URL safe to show
	 */
	public String displayUrl() {
		return this.baseUrl.getScheme() + "://" + this.baseUrl.getHost()
				+ ((this.baseUrl.getPort() != -1) ? ":" + this.baseUrl.getPort() : "")
				+ ((this.baseUrl.getRawPath() != null) ? this.baseUrl.getRawPath() : "");
	}

	@Override
	public String toString() {
		return "ApiClientSettings[name=" + this.name + ", baseUrl=" + displayUrl() + ", token="
				+ ((this.token != null) ? "******" : "none") + ", http2=" + this.http2 + ", timeout=" + this.timeout
				+ ", pageSize=" + this.pageSize + ", pagination=" + this.pagination + ", dialect=" + this.dialect + "]";
	}

	/**
	 * Connection pool settings.
	 *
	 * @param maxConnections the most connections open at once
	 * @param maxIdleConnections the idle connections to keep (Reactor Netty bounds idle
	 * connections by {@code maxConnections} and closes them after {@code maxIdleTime})
	 * @param maxIdleTime how long an idle connection is kept
	 * @param pendingAcquireTimeout how long a request waits for a free connection
	 * @param metrics whether Reactor Netty publishes the pool's own metrics to
	 * Micrometer's global registry
	 */
	public record Pool(int maxConnections, int maxIdleConnections, Duration maxIdleTime, Duration pendingAcquireTimeout,
			boolean metrics) {

		/** The default pool: 100 connections, 20 idle, 30 s idle time, 10 s wait. */
		public static final Pool DEFAULTS = new Pool(100, 20, Duration.ofSeconds(30), Duration.ofSeconds(10), false);

		public Pool {
			Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
			Assert.isTrue(maxIdleConnections >= 0, "maxIdleConnections must not be negative");
			Assert.isTrue(!maxIdleTime.isNegative(), "maxIdleTime must not be negative");
			Assert.isTrue(!pendingAcquireTimeout.isNegative(), "pendingAcquireTimeout must not be negative");
		}

	}

}
