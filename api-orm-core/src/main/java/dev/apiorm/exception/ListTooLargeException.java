package dev.apiorm.exception;

/**
 * A list ({@code list()}, or the result cache it fills) would hold more records than
 * {@code api-orm.max-list-records}: it failed as soon as a page passed the limit, before
 * the rest was read. {@code stream()}, iteration and {@code flux()} hold a page at a time
 * and read such a collection.
 */
public class ListTooLargeException extends ApiException {

	private final int limit;

	/**
	 * A list that passed its limit.
	 * @param message what was listed, and where to go instead
	 * @param limit the most records a list may hold
	 */
	public ListTooLargeException(String message, int limit) {
		super(message);
		this.limit = limit;
	}

	/**
	 * The most records a list may hold ({@code api-orm.max-list-records}).
	 * @return the limit
	 */
	public int limit() {
		return this.limit;
	}

}
