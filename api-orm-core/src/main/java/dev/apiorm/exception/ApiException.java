package dev.apiorm.exception;

import org.jspecify.annotations.Nullable;

/**
 * The root of every api-orm exception; all are unchecked.
 */
public class ApiException extends RuntimeException {

	public ApiException(String message) {
		super(message);
	}

	public ApiException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
