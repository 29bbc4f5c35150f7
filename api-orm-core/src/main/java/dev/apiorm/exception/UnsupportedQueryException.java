package dev.apiorm.exception;

/**
 * The dialect cannot express a query; raised when the query is built, before anything is
 * sent. Nothing is ever filtered on the client instead.
 */
public class UnsupportedQueryException extends ApiException {

	public UnsupportedQueryException(String message) {
		super(message);
	}

}
