package dev.apiorm.exception;

/**
 * The API answered with an error status.
 */
public class ApiHttpException extends ApiException {

	private final int statusCode;

	private final String responseBody;

	private final String method;

	private final String url;

	public ApiHttpException(String message, int statusCode, String responseBody, String method, String url) {
		super(message);
		this.statusCode = statusCode;
		this.responseBody = responseBody;
		this.method = method;
		this.url = url;
	}

	/**
	 * The HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * The error message, as the API stated it where it could be read.
	 * @return the message
	 */
	public String message() {
		String message = getMessage();
		return (message != null) ? message : "";
	}

	/**
	 * The response body as text, shortened when very long.
	 * @return the body
	 */
	public String responseBody() {
		return this.responseBody;
	}

	/**
	 * The HTTP method of the failed request.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The URL of the failed request.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

}
