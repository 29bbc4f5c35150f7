package dev.apiorm.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The Actuator health check of one client ({@code api-orm.health.*}).
 */
public class HealthProperties {

	/** The health check's timeout unless set. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * Path requested by the health check, relative to the base URL; by default the base
	 * URL itself.
	 */
	private @Nullable String path;

	/**
	 * How long the health check waits for the API before reporting it DOWN (default 2s).
	 */
	private @Nullable Duration timeout;

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

}
