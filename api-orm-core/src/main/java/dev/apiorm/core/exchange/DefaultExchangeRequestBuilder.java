package dev.apiorm.core.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * The standard {@link ExchangeRequest.Builder}: copies a request's headers and attributes
 * only when it changes them, so that a copy with another attempt number costs two small
 * objects, not two maps.
 */
final class DefaultExchangeRequestBuilder implements ExchangeRequest.Builder {

	private static final HttpHeaders NO_HEADERS = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

	/** The longest deadline counted; a longer one is none (no overflow of nanoTime). */
	private static final Duration LONGEST_DEADLINE = Duration.ofDays(36_500);

	String client = "default";

	final ApiPersistentEntity<?> entity;

	final String operation;

	HttpMethod method;

	URI url;

	boolean targetsRecord;

	byte @Nullable [] body;

	private HttpHeaders headers = NO_HEADERS;

	/** Whether {@link #headers} is shared with a request, and copied before a change. */
	private boolean headersShared = true;

	private Map<String, Object> attributes = Map.of();

	private boolean attributesShared = true;

	int attempt;

	@Nullable Duration deadline;

	long deadlineAt = ExchangeRequest.NO_DEADLINE;

	DefaultExchangeRequestBuilder(ApiPersistentEntity<?> entity, String operation, HttpMethod method, URI url) {
		Assert.notNull(entity, "entity must not be null");
		Assert.hasText(operation, "operation must not be empty");
		Assert.notNull(method, "method must not be null");
		Assert.notNull(url, "url must not be null");
		this.entity = entity;
		this.operation = operation;
		this.method = method;
		this.url = url;
	}

	DefaultExchangeRequestBuilder(ExchangeRequest request) {
		this.client = request.client();
		this.entity = request.entity();
		this.operation = request.operation();
		this.method = request.method();
		this.url = request.url();
		this.targetsRecord = request.targetsRecord();
		this.body = request.body();
		this.headers = request.headers();
		this.attributes = request.sharedAttributes();
		this.attempt = request.attempt();
		this.deadline = request.deadline();
		this.deadlineAt = request.deadlineAt();
	}

	@Override
	public ExchangeRequest.Builder client(String client) {
		Assert.hasText(client, "client must not be empty");
		this.client = client;
		return this;
	}

	@Override
	public ExchangeRequest.Builder method(HttpMethod method) {
		Assert.notNull(method, "method must not be null");
		this.method = method;
		return this;
	}

	@Override
	public ExchangeRequest.Builder url(URI url) {
		Assert.notNull(url, "url must not be null");
		this.url = url;
		return this;
	}

	@Override
	public ExchangeRequest.Builder targetsRecord(boolean targetsRecord) {
		this.targetsRecord = targetsRecord;
		return this;
	}

	@Override
	public ExchangeRequest.Builder body(byte @Nullable [] body) {
		this.body = body;
		return this;
	}

	@Override
	public ExchangeRequest.Builder header(String name, String value) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(value, "value must not be null");
		writableHeaders().set(name, value);
		return this;
	}

	@Override
	public ExchangeRequest.Builder headers(Consumer<HttpHeaders> consumer) {
		Assert.notNull(consumer, "consumer must not be null");
		consumer.accept(writableHeaders());
		return this;
	}

	@Override
	public ExchangeRequest.Builder attribute(String name, @Nullable Object value) {
		Assert.notNull(name, "name must not be null");
		if (this.attributes.isEmpty() && value != null) {
			// The usual case, one attribute: an immutable map of one entry, copied on
			// the next change like a shared one.
			this.attributes = Map.of(name, value);
			this.attributesShared = true;
			return this;
		}
		if (this.attributesShared) {
			this.attributes = new LinkedHashMap<>(this.attributes);
			this.attributesShared = false;
		}
		if (value != null) {
			this.attributes.put(name, value);
		}
		else {
			this.attributes.remove(name);
		}
		return this;
	}

	@Override
	public ExchangeRequest.Builder attempt(int attempt) {
		Assert.isTrue(attempt >= 0, "attempt must not be negative");
		this.attempt = attempt;
		return this;
	}

	@Override
	public ExchangeRequest.Builder deadline(@Nullable Duration deadline) {
		Assert.isTrue(deadline == null || !deadline.isNegative(), "deadline must not be negative");
		this.deadline = deadline;
		this.deadlineAt = ExchangeRequest.NO_DEADLINE;
		if (deadline != null && deadline.compareTo(LONGEST_DEADLINE) <= 0) {
			this.deadlineAt = System.nanoTime() + deadline.toNanos();
		}
		return this;
	}

	@Override
	public ExchangeRequest build() {
		return new ExchangeRequest(this);
	}

	/**
	 * The headers for a request being built; the builder copies them before its next
	 * change.
	 */
	HttpHeaders sharedHeaders() {
		if (!this.headersShared) {
			this.headers = HttpHeaders.readOnlyHttpHeaders(this.headers);
			this.headersShared = true;
		}
		return this.headers;
	}

	/**
	 * The attributes for a request being built; the builder copies them before its next
	 * change.
	 */
	Map<String, Object> sharedAttributes() {
		this.attributesShared = true;
		return this.attributes;
	}

	private HttpHeaders writableHeaders() {
		if (this.headersShared) {
			HttpHeaders copy = new HttpHeaders();
			copy.putAll(this.headers);
			this.headers = copy;
			this.headersShared = false;
		}
		return this.headers;
	}

}
