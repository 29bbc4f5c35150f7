package dev.apiorm.exception;

/**
 * 409 or 412: the write conflicts with the record's current state.
 */
public class ConflictException extends ApiClientException {

	public ConflictException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
