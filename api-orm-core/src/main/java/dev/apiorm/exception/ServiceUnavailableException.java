package dev.apiorm.exception;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * 503: the API is unavailable for now; retryAfter() says when to try again.
 */
public class ServiceUnavailableException extends ApiServerException {

	private final @Nullable Duration retryAfter;

	public ServiceUnavailableException(String message, int statusCode, String responseBody, String method, String url,
			@Nullable Duration retryAfter) {
		super(message, statusCode, responseBody, method, url);
		this.retryAfter = retryAfter;
	}

	/**
	 * The wait the API asked for in its {@code Retry-After} header.
	 * @return the wait, empty when the header was absent or unreadable
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
