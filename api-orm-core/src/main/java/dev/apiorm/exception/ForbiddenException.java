package dev.apiorm.exception;

/**
 * 403: the token may not do this.
 */
public class ForbiddenException extends ApiClientException {

	public ForbiddenException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
