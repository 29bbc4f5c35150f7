package dev.apiorm.exception;

import org.jspecify.annotations.Nullable;

/**
 * The root of every api-orm exception; all are unchecked.
 */
public class ApiException extends RuntimeException {

	private int attempts = 1;

	public ApiException(String message) {
		super(message);
	}

	public ApiException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * How many attempts the call made before it failed with this exception (retries
	 * included).
	 * @return the attempts, at least 1
	 */
	public int attempts() {
		return this.attempts;
	}

	/**
	 * Records how many attempts the call made; set by the engine when retries end.
	 * @param attempts the attempts
	 */
	public void setAttempts(int attempts) {
		this.attempts = Math.max(1, attempts);
	}

}
