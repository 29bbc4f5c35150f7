package dev.apiorm.exception;

/**
 * The API answered with a 5xx status.
 */
public class ApiServerException extends ApiHttpException {

	public ApiServerException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
