package dev.apiorm.core.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * One request of an API call as exchange policies see it: which client, model and
 * operation, where it goes, the headers api-orm adds to the client's own, which attempt
 * it is and how long the call may still take. Immutable: a policy that changes it passes
 * on a changed copy ({@link #mutate()}).
 * <p>
 * What the client's WebClient adds is not listed in {@link #headers()}: {@code Accept},
 * its default headers ({@code default-headers}, the user agent), which a header set here
 * replaces, and the token's {@code Authorization}, which it does not.
 */
public final class ExchangeRequest {

	/** The {@link #deadlineAt} of a call without a deadline. */
	static final long NO_DEADLINE = Long.MAX_VALUE;

	private final String client;

	private final ApiPersistentEntity<?> entity;

	private final String operation;

	private final HttpMethod method;

	private final URI url;

	private final boolean targetsRecord;

	private final byte @Nullable [] body;

	private final HttpHeaders headers;

	private final Map<String, Object> attributes;

	private final int attempt;

	private final @Nullable Duration deadline;

	/** When the call's deadline passes, in {@link System#nanoTime()}'s scale. */
	private final long deadlineAt;

	ExchangeRequest(DefaultExchangeRequestBuilder builder) {
		this.client = builder.client;
		this.entity = builder.entity;
		this.operation = builder.operation;
		this.method = builder.method;
		this.url = builder.url;
		this.targetsRecord = builder.targetsRecord;
		this.body = builder.body;
		this.headers = builder.sharedHeaders();
		this.attributes = builder.sharedAttributes();
		this.attempt = builder.attempt;
		this.deadline = builder.deadline;
		this.deadlineAt = builder.deadlineAt;
	}

	private ExchangeRequest(ExchangeRequest request, int attempt) {
		this.client = request.client;
		this.entity = request.entity;
		this.operation = request.operation;
		this.method = request.method;
		this.url = request.url;
		this.targetsRecord = request.targetsRecord;
		this.body = request.body;
		this.headers = request.headers;
		this.attributes = request.attributes;
		this.attempt = attempt;
		this.deadline = request.deadline;
		this.deadlineAt = request.deadlineAt;
	}

	/**
	 * A builder of a request, for the client named {@code default}, at the call stage
	 * (attempt 0), without body, headers or deadline.
	 * @param entity the model
	 * @param operation the operation ({@code get}, {@code list}, {@code create}, ...)
	 * @param method the HTTP method
	 * @param url the absolute, percent-encoded URL
	 * @return the builder
	 */
	public static Builder builder(ApiPersistentEntity<?> entity, String operation, HttpMethod method, URI url) {
		return new DefaultExchangeRequestBuilder(entity, operation, method, url);
	}

	/**
	 * A builder that starts from this request; its deadline stays where it was.
	 * @return the builder
	 */
	public Builder mutate() {
		return new DefaultExchangeRequestBuilder(this);
	}

	/**
	 * This request as another attempt of its call: what the retry passes on, once per
	 * attempt, without a builder.
	 * @param attempt the attempt, from 1; 0 for the call stage
	 * @return the request as that attempt
	 */
	public ExchangeRequest withAttempt(int attempt) {
		Assert.isTrue(attempt >= 0, "attempt must not be negative");
		return (attempt != this.attempt) ? new ExchangeRequest(this, attempt) : this;
	}

	/**
	 * The name of the client sending the request.
	 * @return the client's name
	 */
	public String client() {
		return this.client;
	}

	/**
	 * The model the request is about.
	 * @return the model's entity
	 */
	public ApiPersistentEntity<?> entity() {
		return this.entity;
	}

	/**
	 * The operation, as named in messages and metrics ({@code get}, {@code list},
	 * {@code count}, {@code create}, {@code update}, {@code partial_update},
	 * {@code delete}, ...).
	 * @return the operation
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * The absolute URL, percent-encoded, query included.
	 * @return the URL
	 */
	public URI url() {
		return this.url;
	}

	/**
	 * Whether the URL names one record, so that a 404 means the record does not exist
	 * rather than that the endpoint is wrong.
	 * @return whether the request targets one record
	 */
	public boolean targetsRecord() {
		return this.targetsRecord;
	}

	/**
	 * The JSON body sent, the array itself (not to be changed).
	 * @return the body, {@code null} for none
	 */
	public byte @Nullable [] body() {
		return this.body;
	}

	/**
	 * The headers api-orm adds to the client's own for this request ({@code If-Match},
	 * the idempotency key, those of policies).
	 * @return the headers, read-only
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * An attribute policies and the engine pass along with the request.
	 * @param name the attribute's name
	 * @return its value, {@code null} when it is not set
	 */
	public @Nullable Object attribute(String name) {
		return this.attributes.get(name);
	}

	/**
	 * Every attribute of the request.
	 * @return the attributes, read-only
	 */
	public Map<String, Object> attributes() {
		return Collections.unmodifiableMap(this.attributes);
	}

	/**
	 * Which attempt of its call this request is, from 1; 0 at the
	 * {@link ExchangePolicy.Stage#CALL call stage}, where no attempt has started.
	 * @return the attempt
	 */
	public int attempt() {
		return this.attempt;
	}

	/**
	 * The attributes themselves, for a builder that copies them only when it changes
	 * them.
	 */
	Map<String, Object> sharedAttributes() {
		return this.attributes;
	}

	/**
	 * When the call's deadline passes, in {@link System#nanoTime()}'s scale.
	 */
	long deadlineAt() {
		return this.deadlineAt;
	}

	/**
	 * The time the whole call may take, all attempts and waits included
	 * ({@code api-orm.deadline}).
	 * @return the deadline, {@code null} for none
	 */
	public @Nullable Duration deadline() {
		return this.deadline;
	}

	/**
	 * The time left before the call's deadline passes: what a policy that waits may wait
	 * at most.
	 * @return the time left, {@link Duration#ZERO} once the deadline passed, the longest
	 * {@link Duration} of nanoseconds when there is no deadline
	 */
	public Duration timeLeft() {
		if (this.deadlineAt == NO_DEADLINE) {
			return Duration.ofNanos(Long.MAX_VALUE);
		}
		return Duration.ofNanos(Math.max(0, this.deadlineAt - System.nanoTime()));
	}

	/**
	 * The request as messages name it: model, operation, method and URL, without the
	 * URL's user info.
	 * @return for example {@code User get (GET http://localhost:8000/users/1/)}
	 */
	@Override
	public String toString() {
		return this.entity.getModelName() + " " + this.operation + " (" + this.method.name() + " "
				+ withoutUserInfo(this.url) + ")";
	}

	private static String withoutUserInfo(URI url) {
		String text = url.toString();
		if (url.getRawUserInfo() == null) {
			return text;
		}
		int start = text.indexOf("//") + 2;
		return text.substring(0, start) + text.substring(text.indexOf('@', start) + 1);
	}

	/**
	 * Builds an {@link ExchangeRequest}: a new one with
	 * {@link ExchangeRequest#builder(ApiPersistentEntity, String, HttpMethod, URI)}, a
	 * changed copy with {@link ExchangeRequest#mutate()}.
	 */
	public interface Builder {

		/**
		 * The name of the client sending the request.
		 * @param client the client's name
		 * @return this builder
		 */
		Builder client(String client);

		/**
		 * The HTTP method.
		 * @param method the method
		 * @return this builder
		 */
		Builder method(HttpMethod method);

		/**
		 * The absolute, percent-encoded URL.
		 * @param url the URL
		 * @return this builder
		 */
		Builder url(URI url);

		/**
		 * Whether the URL names one record.
		 * @param targetsRecord whether it does
		 * @return this builder
		 */
		Builder targetsRecord(boolean targetsRecord);

		/**
		 * The JSON body to send.
		 * @param body the body, {@code null} for none
		 * @return this builder
		 */
		Builder body(byte @Nullable [] body);

		/**
		 * Sets a header, replacing any value it had.
		 * @param name the header's name
		 * @param value its value
		 * @return this builder
		 */
		Builder header(String name, String value);

		/**
		 * Changes the headers.
		 * @param consumer what to do with them
		 * @return this builder
		 */
		Builder headers(Consumer<HttpHeaders> consumer);

		/**
		 * Sets an attribute, passed along with the request to later policies.
		 * @param name the attribute's name
		 * @param value its value, {@code null} to remove it
		 * @return this builder
		 */
		Builder attribute(String name, @Nullable Object value);

		/**
		 * Which attempt of its call the request is.
		 * @param attempt the attempt, from 1; 0 for the call stage
		 * @return this builder
		 */
		Builder attempt(int attempt);

		/**
		 * The time the whole call may take, counted from now; one of more than a century
		 * is none.
		 * @param deadline the deadline, {@code null} for none
		 * @return this builder
		 */
		Builder deadline(@Nullable Duration deadline);

		/**
		 * Builds the request; the builder may go on to build others.
		 * @return the request
		 */
		ExchangeRequest build();

	}

}
