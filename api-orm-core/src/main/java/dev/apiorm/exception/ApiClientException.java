package dev.apiorm.exception;

/**
 * The API answered with a 4xx status.
 */
public class ApiClientException extends ApiHttpException {

	public ApiClientException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
