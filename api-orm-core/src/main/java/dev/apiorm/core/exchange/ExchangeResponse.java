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

	private final byte @Nullable [] bodyBytes;

	private ExchangeResponse(int status, HttpHeaders headers, @Nullable Object body, byte @Nullable [] bodyBytes) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.bodyBytes = bodyBytes;
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
		return new ExchangeResponse(status, headers, body, null);
	}

	/**
	 * A response that also carries the body's bytes as they came from the API, what the
	 * request on the wire gives when a policy asked for them with
	 * {@link ExchangeAttributes#KEEP_BODY} (an HTTP cache that stores them).
	 * @param status the HTTP status, below 300
	 * @param headers the response's headers
	 * @param body the decoded body
	 * @param bodyBytes the body's bytes, not to be changed
	 * @return the response
	 */
	public static ExchangeResponse of(int status, HttpHeaders headers, @Nullable Object body, byte[] bodyBytes) {
		Assert.notNull(bodyBytes, "bodyBytes must not be null");
		return of(status, headers, body).withBytes(bodyBytes);
	}

	/**
	 * A {@code 304 Not Modified}: what the request on the wire gives, without a body, for
	 * a conditional request whose policy asked for it with
	 * {@link ExchangeAttributes#ACCEPT_NOT_MODIFIED}; without that attribute a 304 is an
	 * error of the hierarchy, as any status from 300 on.
	 * @param headers the response's headers
	 * @return the response
	 */
	public static ExchangeResponse notModified(HttpHeaders headers) {
		Assert.notNull(headers, "headers must not be null");
		return new ExchangeResponse(304, headers, null, null);
	}

	private ExchangeResponse withBytes(byte[] bytes) {
		return new ExchangeResponse(this.status, this.headers, this.body, bytes);
	}

	/**
	 * The HTTP status.
	 * @return the status, below 300, or 304 for a {@link #notModified(HttpHeaders)}
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

	/**
	 * The body's bytes as they came from the API, when a policy asked for them.
	 * @return the bytes, not to be changed; {@code null} when they were not kept
	 */
	public byte @Nullable [] bodyBytes() {
		return this.bodyBytes;
	}

	@Override
	public String toString() {
		return "ExchangeResponse " + this.status;
	}

}
