package dev.apiorm.exception;

/**
 * 500: the API failed.
 */
public class InternalServerErrorException extends ApiServerException {

	public InternalServerErrorException(String message, int statusCode, String responseBody, String method,
			String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
