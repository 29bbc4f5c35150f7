package dev.apiorm.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The rate budget of a client ({@code api-orm.rate-limit.*}): how many requests it may
 * send per period. Each attempt takes a permit before it leaves; one that finds none
 * waits for the next, within the call's deadline, instead of being refused by the API
 * with a 429. Off by default ({@code limit} 0). Each {@code withX} returns a copy with
 * one value changed.
 * <p>
 * The budget is a token bucket of {@code burst} permits refilled at {@code limit} per
 * {@code period}, one at a time: over any window of one period, at most
 * {@code limit + burst - 1} requests leave (with the default burst of 1, at most
 * {@code limit}), and after a quiet time up to {@code burst} leave at once.
 *
 * @param limit the requests per period, {@code 0} for no budget
 * @param period the period the limit counts over
 * @param burst the requests that may leave at once after a quiet time
 * @param maxPause the longest pause a server's signal ({@code Retry-After}, a
 * {@code RateLimit} header saying nothing is left) puts on the budget; a longer one is
 * cut to this
 * @param key the name of the budget where it is shared (Redis), {@code null} for the
 * client's name; clients, even of different applications, that give the same key share
 * one budget
 */
public record RateLimitSettings(int limit, Duration period, int burst, Duration maxPause, @Nullable String key) {

	/** No budget; when a limit is set: per second, a burst of 1, pauses up to 60 s. */
	public static final RateLimitSettings DEFAULTS = new RateLimitSettings(0, Duration.ofSeconds(1), 1,
			Duration.ofSeconds(60), null);

	public RateLimitSettings {
		key = (key != null && !key.isBlank()) ? key.trim() : null;
	}

	/**
	 * Whether the client has a budget.
	 * @return {@code true} when a limit is set
	 */
	public boolean enabled() {
		return this.limit > 0;
	}

	/**
	 * The name of the budget of a client.
	 * @param client the client's name
	 * @return the key set, else the client's name
	 */
	public String keyOf(String client) {
		return (this.key != null) ? this.key : client;
	}

	public RateLimitSettings withLimit(int limit) {
		return new RateLimitSettings(limit, this.period, this.burst, this.maxPause, this.key);
	}

	public RateLimitSettings withPeriod(Duration period) {
		return new RateLimitSettings(this.limit, period, this.burst, this.maxPause, this.key);
	}

	public RateLimitSettings withBurst(int burst) {
		return new RateLimitSettings(this.limit, this.period, burst, this.maxPause, this.key);
	}

	public RateLimitSettings withMaxPause(Duration maxPause) {
		return new RateLimitSettings(this.limit, this.period, this.burst, maxPause, this.key);
	}

	public RateLimitSettings withKey(@Nullable String key) {
		return new RateLimitSettings(this.limit, this.period, this.burst, this.maxPause, key);
	}

	void check(String prefix) {
		if (this.limit < 0) {
			throw SettingRules.invalid(prefix + "limit", this.limit, "must be 0 (no budget) or positive");
		}
		SettingRules.positive(this.period, prefix + "period");
		SettingRules.positive(this.burst, prefix + "burst");
		SettingRules.notNegative(this.maxPause, prefix + "max-pause");
		if (this.key != null) {
			SettingRules.headerValue(this.key, prefix + "key");
		}
	}

}
