package dev.apiorm.core;

import dev.apiorm.dialect.builtin.DialectSettings;

/**
 * Everything a client is configured with besides its name, base URL and token: what the
 * keys of {@code api-orm.*} set, and what a named client takes from them unless it sets
 * its own. Each group declares its defaults once, in its {@code DEFAULTS}; each
 * {@code withX} returns a copy with one group replaced. The values are checked when they
 * become part of {@link ApiClientSettings}, naming the property of the client they belong
 * to.
 *
 * @param http the protocol, time bounds and sizes
 * @param headers the authentication scheme, user agent and other headers
 * @param paging how collections are read
 * @param checks what is checked in the answers
 * @param writes how records are written
 * @param retry which failed requests are sent again, and when
 * @param pool the connection pool
 * @param dialect which convention the API speaks, and the settings of the built-in ones
 * @param rateLimit how many requests the client may send per period
 * @param cache whether and where the client's GETs are cached
 */
public record ApiClientOptions(HttpSettings http, HeaderSettings headers, PagingSettings paging, CheckSettings checks,
		WriteSettings writes, ApiClientSettings.Retry retry, ApiClientSettings.Pool pool, DialectSettings dialect,
		RateLimitSettings rateLimit, HttpCacheSettings cache) {

	/** Every default. */
	public static final ApiClientOptions DEFAULTS = new ApiClientOptions(HttpSettings.DEFAULTS, HeaderSettings.DEFAULTS,
			PagingSettings.DEFAULTS, CheckSettings.DEFAULTS, WriteSettings.DEFAULTS, ApiClientSettings.Retry.DEFAULTS,
			ApiClientSettings.Pool.DEFAULTS, DialectSettings.DEFAULTS, RateLimitSettings.DEFAULTS,
			HttpCacheSettings.DEFAULTS);

	public ApiClientOptions withHttp(HttpSettings http) {
		return new ApiClientOptions(http, this.headers, this.paging, this.checks, this.writes, this.retry, this.pool,
				this.dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withHeaders(HeaderSettings headers) {
		return new ApiClientOptions(this.http, headers, this.paging, this.checks, this.writes, this.retry, this.pool,
				this.dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withPaging(PagingSettings paging) {
		return new ApiClientOptions(this.http, this.headers, paging, this.checks, this.writes, this.retry, this.pool,
				this.dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withChecks(CheckSettings checks) {
		return new ApiClientOptions(this.http, this.headers, this.paging, checks, this.writes, this.retry, this.pool,
				this.dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withWrites(WriteSettings writes) {
		return new ApiClientOptions(this.http, this.headers, this.paging, this.checks, writes, this.retry, this.pool,
				this.dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withRetry(ApiClientSettings.Retry retry) {
		return new ApiClientOptions(this.http, this.headers, this.paging, this.checks, this.writes, retry, this.pool,
				this.dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withPool(ApiClientSettings.Pool pool) {
		return new ApiClientOptions(this.http, this.headers, this.paging, this.checks, this.writes, this.retry, pool,
				this.dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withDialect(DialectSettings dialect) {
		return new ApiClientOptions(this.http, this.headers, this.paging, this.checks, this.writes, this.retry,
				this.pool, dialect, this.rateLimit, this.cache);
	}

	public ApiClientOptions withRateLimit(RateLimitSettings rateLimit) {
		return new ApiClientOptions(this.http, this.headers, this.paging, this.checks, this.writes, this.retry,
				this.pool, this.dialect, rateLimit, this.cache);
	}

	public ApiClientOptions withCache(HttpCacheSettings cache) {
		return new ApiClientOptions(this.http, this.headers, this.paging, this.checks, this.writes, this.retry,
				this.pool, this.dialect, this.rateLimit, cache);
	}

	void check(String prefix) {
		SettingRules.required(this.http, prefix + "http").check(prefix);
		SettingRules.required(this.headers, prefix + "headers").check(prefix);
		SettingRules.required(this.paging, prefix + "paging").check(prefix);
		SettingRules.required(this.checks, prefix + "checks");
		SettingRules.required(this.writes, prefix + "writes").check(prefix);
		SettingRules.required(this.retry, prefix + "retry").check(prefix + "retry.");
		SettingRules.required(this.pool, prefix + "pool").check(prefix + "pool.");
		SettingRules.required(this.rateLimit, prefix + "rate-limit").check(prefix + "rate-limit.");
		SettingRules.required(this.cache, prefix + "cache").check(prefix + "cache.");
		DialectSettings dialect = SettingRules.required(this.dialect, prefix + "dialect");
		if (dialect.name() == null || dialect.name().isBlank()) {
			throw SettingRules.invalid(prefix + "dialect", dialect.name(), "must name a dialect");
		}
	}

}
