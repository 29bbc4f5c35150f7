package dev.apiorm.exception;

/**
 * 502: a proxy in front of the API got no valid answer.
 */
public class BadGatewayException extends ApiServerException {

	public BadGatewayException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
