package dev.apiorm.exception;

/**
 * The API returned a record that contradicts the query: it ignored a parameter it did not
 * know (Django REST Framework, django-filter and most web frameworks silently ignore
 * unknown parameters), so the results cannot be trusted and none are returned.
 * <p>
 * Raised when {@code api-orm.verify-results} is on (the default) for a filter, an
 * {@code exclude}, an ordering ({@link #parameter()} is then {@code ordering}) or a
 * paging parameter the response shows was not honoured.
 */
public class IgnoredFilterException extends UnsupportedQueryException {

	private final String parameter;

	public IgnoredFilterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/**
	 * The query parameter the API ignored, as it was sent.
	 * @return the parameter name
	 */
	public String parameter() {
		return this.parameter;
	}

}
