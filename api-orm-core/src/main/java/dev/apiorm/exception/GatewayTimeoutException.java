package dev.apiorm.exception;

/**
 * 504: a proxy in front of the API timed out.
 */
public class GatewayTimeoutException extends ApiServerException {

	public GatewayTimeoutException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
