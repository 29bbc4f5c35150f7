package dev.apiorm.exception;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The API did not answer (or accept the connection) within the configured time.
 */
public class ApiTimeoutException extends ApiException {

	private final Duration timeout;

	public ApiTimeoutException(String message, Duration timeout, @Nullable Throwable cause) {
		super(message, cause);
		this.timeout = timeout;
	}

	/**
	 * The timeout that ran out.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
