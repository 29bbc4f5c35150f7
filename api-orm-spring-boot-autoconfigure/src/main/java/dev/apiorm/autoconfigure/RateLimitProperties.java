package dev.apiorm.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;

import dev.apiorm.core.RateLimitSettings;

/**
 * The rate budget of one client ({@code api-orm.rate-limit.*}): each request waits for a
 * permit, within the call's deadline, instead of being answered 429; kept in this JVM, or
 * shared by every instance when Redis is configured ({@code spring.data.redis.*}). A key
 * left unset keeps the value it is applied to.
 */
public class RateLimitProperties {

	/**
	 * Requests per period (default 0: no budget).
	 */
	private @Nullable Integer limit;

	/**
	 * Period the limit counts over (default 1s).
	 */
	private @Nullable Duration period;

	/**
	 * Requests that may leave at once after a quiet time (default 1: evenly spaced). In
	 * any window of one period at most limit + burst - 1 requests leave.
	 */
	private @Nullable Integer burst;

	/**
	 * Longest pause the API's signals (Retry-After on 429 and 503, RateLimit and
	 * X-RateLimit headers saying nothing is left) put on the budget (default 60s).
	 */
	private @Nullable Duration maxPause;

	/**
	 * Name of the budget where it is shared (default: the client's name). Clients, even
	 * of different applications, with the same key share one budget.
	 */
	private @Nullable String key;

	RateLimitSettings applyTo(RateLimitSettings settings) {
		PropertyMapper map = PropertyMapper.get();
		settings = map.from(this.limit).to(settings, RateLimitSettings::withLimit);
		settings = map.from(this.period).to(settings, RateLimitSettings::withPeriod);
		settings = map.from(this.burst).to(settings, RateLimitSettings::withBurst);
		settings = map.from(this.maxPause).to(settings, RateLimitSettings::withMaxPause);
		return map.from(this.key).to(settings, RateLimitSettings::withKey);
	}

	public @Nullable Integer getLimit() {
		return this.limit;
	}

	public void setLimit(@Nullable Integer limit) {
		this.limit = limit;
	}

	public @Nullable Duration getPeriod() {
		return this.period;
	}

	public void setPeriod(@Nullable Duration period) {
		this.period = period;
	}

	public @Nullable Integer getBurst() {
		return this.burst;
	}

	public void setBurst(@Nullable Integer burst) {
		this.burst = burst;
	}

	public @Nullable Duration getMaxPause() {
		return this.maxPause;
	}

	public void setMaxPause(@Nullable Duration maxPause) {
		this.maxPause = maxPause;
	}

	public @Nullable String getKey() {
		return this.key;
	}

	public void setKey(@Nullable String key) {
		this.key = key;
	}

}
