package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;

import dev.apiorm.core.ApiClientSettings;

/**
 * The retries of one client ({@code api-orm.retry.*}): connection failures before the
 * request was written, timeouts, 429, 502, 503 and 504, for the listed methods only; a
 * key left unset keeps the value it is applied to.
 */
public class RetryProperties {

	/**
	 * Attempts per request, the first included (default 3); 1 for no retries.
	 */
	private @Nullable Integer maxAttempts;

	/**
	 * Wait before the first retry, doubled for each next one, with jitter (default
	 * 200ms).
	 */
	private @Nullable Duration initialBackoff;

	/**
	 * Longest wait between two attempts (default 5s).
	 */
	private @Nullable Duration maxBackoff;

	/**
	 * Longest Retry-After waited for; a longer one propagates the 429 or 503 (default
	 * 30s).
	 */
	private @Nullable Duration maxRetryAfter;

	/**
	 * HTTP methods that are retried (default GET, HEAD, PUT, DELETE). POST is retried
	 * only with an idempotency key header.
	 */
	private @Nullable Set<String> methods;

	/**
	 * Header that carries one key per logical create, the same on every attempt, such as
	 * Idempotency-Key; makes POST retryable (default none). Checked at start-up.
	 */
	private @Nullable String idempotencyKeyHeader;

	ApiClientSettings.Retry applyTo(ApiClientSettings.Retry retry) {
		PropertyMapper map = PropertyMapper.get();
		retry = map.from(this.maxAttempts).to(retry, ApiClientSettings.Retry::withMaxAttempts);
		retry = map.from(this.initialBackoff).to(retry, ApiClientSettings.Retry::withInitialBackoff);
		retry = map.from(this.maxBackoff).to(retry, ApiClientSettings.Retry::withMaxBackoff);
		retry = map.from(this.maxRetryAfter).to(retry, ApiClientSettings.Retry::withMaxRetryAfter);
		retry = map.from(this.methods).to(retry, ApiClientSettings.Retry::withMethods);
		return map.from(this.idempotencyKeyHeader).to(retry, ApiClientSettings.Retry::withIdempotencyKeyHeader);
	}

	public @Nullable Integer getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(@Nullable Integer maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public @Nullable Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	public void setInitialBackoff(@Nullable Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	public @Nullable Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(@Nullable Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	public @Nullable Duration getMaxRetryAfter() {
		return this.maxRetryAfter;
	}

	public void setMaxRetryAfter(@Nullable Duration maxRetryAfter) {
		this.maxRetryAfter = maxRetryAfter;
	}

	public @Nullable Set<String> getMethods() {
		return this.methods;
	}

	public void setMethods(@Nullable Set<String> methods) {
		this.methods = methods;
	}

	public @Nullable String getIdempotencyKeyHeader() {
		return this.idempotencyKeyHeader;
	}

	public void setIdempotencyKeyHeader(@Nullable String idempotencyKeyHeader) {
		this.idempotencyKeyHeader = idempotencyKeyHeader;
	}

}
