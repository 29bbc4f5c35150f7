package dev.apiorm.exception;

/**
 * 404 for a request that is not a record by id (a missing record by id is a
 * {@link DoesNotExistException}).
 */
public class NotFoundException extends ApiClientException {

	public NotFoundException(String message, int statusCode, String responseBody, String method, String url) {
		super(message, statusCode, responseBody, method, url);
	}

}
