package dev.apiorm.core.exchange;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * The successful response to an {@link ExchangeRequest}, its body already decoded into
 * what the operation returns (a record, a page, a count). Error statuses and transport
 * failures are not responses: they travel as errors of the {@link dev.apiorm.exception}
 * hierarchy ({@code NotFoundException}, {@code ApiTimeoutException}, ...).
 */
public final class ExchangeResponse {

	private final int status;

	private final HttpHeaders headers;

	private final @Nullable Object body;

	private ExchangeResponse(int status, HttpHeaders headers, @Nullable Object body) {
		this.status = status;
		this.headers = headers;
		this.body = body;
	}

	/**
	 * A response, for example one a policy answers without calling the API.
	 * @param status the HTTP status, below 300
	 * @param headers the response's headers
	 * @param body the decoded body, of the type the operation returns; {@code null} when
	 * the operation reads none
	 * @return the response
	 */
	public static ExchangeResponse of(int status, HttpHeaders headers, @Nullable Object body) {
		Assert.isTrue(status >= 100 && status < 300, () -> "status must be below 300, not " + status);
		Assert.notNull(headers, "headers must not be null");
		return new ExchangeResponse(status, headers, body);
	}

	/**
	 * The HTTP status.
	 * @return the status, below 300
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The response's headers.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * The decoded body.
	 * @return the body, {@code null} when the operation reads none
	 */
	public @Nullable Object body() {
		return this.body;
	}

	@Override
	public String toString() {
		return "ExchangeResponse " + this.status;
	}

}
