package dev.apiorm.exception;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * 412: the record changed on the server since it was read (its {@code ETag} no longer
 * matches the {@code If-Match} sent), and nothing was written. {@link #current()} holds
 * the server's current record when the API sent it or could serve it.
 */
public class PreconditionFailedException extends ConflictException {

	private final @Nullable Object current;

	public PreconditionFailedException(String message, String responseBody, String method, String url) {
		this(message, responseBody, method, url, null);
	}

	public PreconditionFailedException(String message, String responseBody, String method, String url,
			@Nullable Object current) {
		super(message, 412, responseBody, method, url);
		this.current = current;
	}

	/**
	 * The server's current record, read after the conflict.
	 * @return the record, empty when the API could not serve it
	 */
	public Optional<Object> current() {
		return Optional.ofNullable(this.current);
	}

	/**
	 * This exception with the server's current record.
	 * @param current the record
	 * @return a new exception with the same message, status and URL
	 */
	public PreconditionFailedException withCurrent(Object current) {
		String message = getMessage();
		PreconditionFailedException exception = new PreconditionFailedException((message != null) ? message : "",
				responseBody(), method(), url(), current);
		exception.setAttempts(attempts());
		return exception;
	}

}
