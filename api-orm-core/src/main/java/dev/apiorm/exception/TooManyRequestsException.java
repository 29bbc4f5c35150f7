package dev.apiorm.exception;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * 429: too many requests; retryAfter() says when to try again.
 */
public class TooManyRequestsException extends ApiClientException {

	private final @Nullable Duration retryAfter;

	public TooManyRequestsException(String message, int statusCode, String responseBody, String method, String url,
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
