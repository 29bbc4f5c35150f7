package dev.apiorm.core.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * The client's default headers (token, user agent, {@code default-headers}) and
 * {@code Accept} are added by its WebClient and are not listed in {@link #headers()}; a
 * header set here replaces a default header of the same name.
 */
public final class ExchangeRequest {

	private static final HttpHeaders NO_HEADERS = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

	/** The {@link #deadlineAt} of a call without a deadline. */
	private static final long NO_DEADLINE = Long.MAX_VALUE;

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

	private ExchangeRequest(Builder builder) {
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
		return new Builder(entity, operation, method, url);
	}

	/**
	 * A builder that starts from this request; its deadline stays where it was.
	 * @return the builder
	 */
	public Builder mutate() {
		return new Builder(this);
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
	 * Builds an {@link ExchangeRequest}.
	 */
	public static final class Builder {

		private String client = "default";

		private final ApiPersistentEntity<?> entity;

		private String operation;

		private HttpMethod method;

		private URI url;

		private boolean targetsRecord;

		private byte @Nullable [] body;

		private HttpHeaders headers = NO_HEADERS;

		/**
		 * Whether {@link #headers} is shared with a request, and copied before a change.
		 */
		private boolean headersShared = true;

		private Map<String, Object> attributes = Map.of();

		private boolean attributesShared = true;

		private int attempt;

		private @Nullable Duration deadline;

		private long deadlineAt = NO_DEADLINE;

		private Builder(ApiPersistentEntity<?> entity, String operation, HttpMethod method, URI url) {
			Assert.notNull(entity, "entity must not be null");
			Assert.hasText(operation, "operation must not be empty");
			Assert.notNull(method, "method must not be null");
			Assert.notNull(url, "url must not be null");
			this.entity = entity;
			this.operation = operation;
			this.method = method;
			this.url = url;
		}

		private Builder(ExchangeRequest request) {
			this.client = request.client;
			this.entity = request.entity;
			this.operation = request.operation;
			this.method = request.method;
			this.url = request.url;
			this.targetsRecord = request.targetsRecord;
			this.body = request.body;
			this.headers = request.headers;
			this.attributes = request.attributes;
			this.attempt = request.attempt;
			this.deadline = request.deadline;
			this.deadlineAt = request.deadlineAt;
		}

		/**
		 * The name of the client sending the request.
		 * @param client the client's name
		 * @return this builder
		 */
		public Builder client(String client) {
			Assert.hasText(client, "client must not be empty");
			this.client = client;
			return this;
		}

		/**
		 * The operation, as named in messages and metrics.
		 * @param operation the operation
		 * @return this builder
		 */
		public Builder operation(String operation) {
			Assert.hasText(operation, "operation must not be empty");
			this.operation = operation;
			return this;
		}

		/**
		 * The HTTP method.
		 * @param method the method
		 * @return this builder
		 */
		public Builder method(HttpMethod method) {
			Assert.notNull(method, "method must not be null");
			this.method = method;
			return this;
		}

		/**
		 * The absolute, percent-encoded URL.
		 * @param url the URL
		 * @return this builder
		 */
		public Builder url(URI url) {
			Assert.notNull(url, "url must not be null");
			this.url = url;
			return this;
		}

		/**
		 * Whether the URL names one record.
		 * @param targetsRecord whether it does
		 * @return this builder
		 */
		public Builder targetsRecord(boolean targetsRecord) {
			this.targetsRecord = targetsRecord;
			return this;
		}

		/**
		 * The JSON body to send.
		 * @param body the body, {@code null} for none
		 * @return this builder
		 */
		public Builder body(byte @Nullable [] body) {
			this.body = body;
			return this;
		}

		/**
		 * Sets a header, replacing any value it had.
		 * @param name the header's name
		 * @param value its value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			Assert.hasText(name, "name must not be empty");
			Assert.notNull(value, "value must not be null");
			writableHeaders().set(name, value);
			return this;
		}

		/**
		 * Changes the headers.
		 * @param consumer what to do with them
		 * @return this builder
		 */
		public Builder headers(Consumer<HttpHeaders> consumer) {
			consumer.accept(writableHeaders());
			return this;
		}

		/**
		 * Sets an attribute, passed along with the request to later policies.
		 * @param name the attribute's name
		 * @param value its value, {@code null} to remove it
		 * @return this builder
		 */
		public Builder attribute(String name, @Nullable Object value) {
			Assert.notNull(name, "name must not be null");
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

		/**
		 * Which attempt of its call the request is.
		 * @param attempt the attempt, from 1; 0 for the call stage
		 * @return this builder
		 */
		public Builder attempt(int attempt) {
			Assert.isTrue(attempt >= 0, "attempt must not be negative");
			this.attempt = attempt;
			return this;
		}

		/**
		 * The time the whole call may take, counted from now.
		 * @param deadline the deadline, {@code null} for none
		 * @return this builder
		 */
		public Builder deadline(@Nullable Duration deadline) {
			Assert.isTrue(deadline == null || !deadline.isNegative(), "deadline must not be negative");
			this.deadline = deadline;
			this.deadlineAt = (deadline != null) ? deadlineFromNow(deadline) : NO_DEADLINE;
			return this;
		}

		private static long deadlineFromNow(Duration deadline) {
			long now = System.nanoTime();
			long nanos = (deadline.getSeconds() < Long.MAX_VALUE / 1_000_000_000L) ? deadline.toNanos()
					: Long.MAX_VALUE;
			long at = now + nanos;
			// Saturates rather than overflows: a deadline of centuries is none.
			return (nanos > Long.MAX_VALUE - Math.max(0, now) || at == NO_DEADLINE) ? NO_DEADLINE - 1 : at;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ExchangeRequest build() {
			return new ExchangeRequest(this);
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

		private HttpHeaders sharedHeaders() {
			if (!this.headersShared) {
				this.headers = HttpHeaders.readOnlyHttpHeaders(this.headers);
				this.headersShared = true;
			}
			return this.headers;
		}

		private Map<String, Object> sharedAttributes() {
			this.attributesShared = true;
			return this.attributes;
		}

	}

}
