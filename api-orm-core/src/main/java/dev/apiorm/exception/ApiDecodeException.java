package dev.apiorm.exception;

import org.jspecify.annotations.Nullable;

/**
 * The response body is not what the model expects: malformed JSON, the wrong shape, a
 * body over the size limit, or a page link that would leave the API's origin.
 */
public class ApiDecodeException extends ApiException {

	public ApiDecodeException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
