package dev.apiorm.exception;

import org.jspecify.annotations.Nullable;

/**
 * The API could not be reached, or the connection broke before a full answer.
 */
public class ApiConnectionException extends ApiException {

	public ApiConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
