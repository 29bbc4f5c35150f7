package dev.apiorm.exception;

/**
 * 401: the token is missing or wrong.
 */
public class UnauthorizedException extends ApiClientException {

	public UnauthorizedException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
