package dev.apiorm.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The Actuator health check of one client ({@code api-orm.health.*}).
 */
public class HealthProperties {

	/** The health check's timeout unless set. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	/** How long a health check's result is reused unless set. */
	static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);

	/**
	 * Path requested by the health check, relative to the base URL; by default the base
	 * URL itself.
	 */
	private @Nullable String path;

	/**
	 * How long the health check waits for the API before reporting it DOWN (default 2s).
	 */
	private @Nullable Duration timeout;

	/**
	 * How long the result of a health check is reused before the API is asked again
	 * (default 10s); calls within that time, and calls while a check is in flight, share
	 * one request. 0 asks the API on every call.
	 */
	private @Nullable Duration cacheTtl;

	public @Nullable String getPath() {
		return this.path;
	}

	public void setPath(@Nullable String path) {
		this.path = path;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(@Nullable Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

}
