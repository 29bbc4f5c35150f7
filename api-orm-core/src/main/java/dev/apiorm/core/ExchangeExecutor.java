package dev.apiorm.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.observation.ApiExchangeContext;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;

/**
 * Runs exchanges on one client's WebClient: sends the request, turns an error status or a
 * transport failure into the exception hierarchy, decodes the body straight from the
 * network buffer, and observes the exchange when a registry is listening.
 */
final class ExchangeExecutor {

	/** Logs each exchange at DEBUG: method, URL without secrets, status and time. */
	private static final Log logger = LogFactory.getLog(ExchangeExecutor.class);

	/** The request attribute WebClient's observations take the URI template from. */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/** How much of an error body is read for its message and field errors. */
	private static final long MAX_ERROR_BODY = 16 * 1024;

	private final ApiClientSettings settings;

	private final WebClient webClient;

	private final ObservationRegistry observationRegistry;

	private final ApiExchangeObservationConvention convention;

	private final HttpErrorTranslator httpErrors;

	private final TransportErrorTranslator transportErrors;

	private final ConcurrencyLimiter limiter;

	private final ExchangeRetry retry;

	private final MediaType mediaType;

	private final ResourceUrls urls;

	ExchangeExecutor(ApiClientSettings settings, WebClient webClient, Dialect dialect, ResourceUrls urls,
			ObservationRegistry observationRegistry, ApiExchangeObservationConvention convention) {
		this.urls = urls;
		this.settings = settings;
		this.webClient = webClient;
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.httpErrors = new HttpErrorTranslator(dialect);
		this.transportErrors = new TransportErrorTranslator(settings);
		this.limiter = ConcurrencyLimiter.of(settings.http().maxConcurrency());
		this.retry = new ExchangeRetry(settings.retry());
		this.mediaType = dialect.mediaType();
	}

	/**
	 * Runs an exchange and decodes its body.
	 * @param exchange the exchange
	 * @param decoder the decoder of a successful body, {@code null} to ignore the body
	 * @return the decoded body; empty when no decoder was given
	 */
	<V> Mono<V> execute(Exchange exchange, @Nullable BodyDecoder<V> decoder) {
		return Mono.defer(() -> {
			AtomicInteger attempts = new AtomicInteger();
			// The deadline is enforced by each attempt's own timer and by the waits
			// between
			// attempts: one timer per attempt, not a second one for the whole call.
			long deadlineAt = System.nanoTime() + this.settings.http().deadline().toNanos();
			return Mono.defer(() -> attempt(exchange, attempts.incrementAndGet(), decoder, deadlineAt))
				.retryWhen(this.retry.forExchange(exchange, attempts, deadlineAt, () -> deadlineExceeded(exchange)))
				.doOnError(ApiException.class, (failure) -> failure.setAttempts(attempts.get()));
		});
	}

	/**
	 * One attempt: within the concurrency limit, observed when a registry listens.
	 */
	private <V> Mono<V> attempt(Exchange exchange, int attempt, @Nullable BodyDecoder<V> decoder, long deadlineAt) {
		if (this.observationRegistry.isNoop()) {
			return this.limiter.limit(call(exchange, null, decoder, deadlineAt));
		}
		return this.limiter.limit(Mono.deferContextual((reactorContext) -> {
			ApiExchangeContext context = new ApiExchangeContext(this.settings.name(), exchange.entity().getModelName(),
					exchange.operation(), exchange.method().name(), attempt);
			Observation observation = Observation.createNotStarted(this.convention, () -> context,
					this.observationRegistry);
			Observation parent = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			// The observation ends before its outcome reaches the caller, so a caller
			// that
			// looks at its metrics right after a call finds the exchange there.
			AtomicBoolean open = new AtomicBoolean(true);
			return call(exchange, context, decoder, deadlineAt).doOnEach((signal) -> {
				if (!signal.isOnSubscribe() && open.compareAndSet(true, false)) {
					if (signal.getThrowable() != null) {
						observation.error(signal.getThrowable());
					}
					observation.stop();
				}
			}).doOnCancel(() -> {
				if (open.compareAndSet(true, false)) {
					observation.stop();
				}
			}).contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		}));
	}

	private ApiTimeoutException deadlineExceeded(Exchange exchange) {
		Duration deadline = this.settings.http().deadline();
		return new ApiTimeoutException(exchange.describe() + " did not complete within its deadline of " + deadline
				+ " (" + ApiClientSettings.propertyPrefix(this.settings.name()) + "deadline)", deadline, null);
	}

	/**
	 * Sends a {@code GET} and gives the status without reading the body.
	 */
	Mono<Integer> probe(java.net.URI url) {
		return this.webClient.get()
			.uri(url)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

	private <V> Mono<V> call(Exchange exchange, @Nullable ApiExchangeContext context, @Nullable BodyDecoder<V> decoder,
			long deadlineAt) {
		Duration timeout = this.settings.http().timeout();
		long left = deadlineAt - System.nanoTime();
		boolean deadlineFirst = left < timeout.toNanos();
		Duration limit = deadlineFirst ? Duration.ofNanos(Math.max(0, left)) : timeout;
		return Mono.defer(() -> {
			long started = System.nanoTime();
			WebClient.RequestBodySpec request = this.webClient.method(exchange.method())
				.uri(exchange.url())
				// The URI template names the exchange in Boot's http.client.requests
				// instead of uri=none.
				.attribute(URI_TEMPLATE_ATTRIBUTE, this.urls.template(exchange.entity(), exchange.recordRequest()))
				.accept(this.mediaType);
			String ifMatch = exchange.ifMatch();
			if (ifMatch != null) {
				request.header("If-Match", ifMatch);
			}
			String key = exchange.idempotencyKey();
			String keyHeader = this.settings.retry().idempotencyKeyHeader();
			if (key != null && keyHeader != null) {
				request.header(keyHeader, key);
			}
			byte[] body = exchange.body();
			if (body != null) {
				request.contentType(this.mediaType).bodyValue(body);
			}
			return request.exchangeToMono((response) -> {
				if (logger.isDebugEnabled()) {
					logger.debug(exchange.method().name() + " " + Urls.display(exchange.url()) + " -> "
							+ response.statusCode().value() + " in "
							+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
				}
				return handle(exchange, context, response, decoder);
			});
		})
			// The whole response of an attempt, however slowly it arrives (Reactor
			// Netty's
			// own response timeout only bounds the gap between two reads), or the time
			// left
			// before the call's deadline when that is shorter.
			.timeout(limit,
					Mono.error(() -> deadlineFirst ? deadlineExceeded(exchange) : new ApiTimeoutException(
							exchange.describe() + " got no complete response within " + timeout, timeout, null)))
			.onErrorMap((failure) -> !(failure instanceof ApiException),
					(failure) -> this.transportErrors.translate(exchange, failure));
	}

	private <V> Mono<V> handle(Exchange exchange, @Nullable ApiExchangeContext context, ClientResponse response,
			@Nullable BodyDecoder<V> decoder) {
		int status = response.statusCode().value();
		if (context != null) {
			context.setStatus(status);
		}
		if (status >= 300) {
			String retryAfter = response.headers().asHttpHeaders().getFirst("Retry-After");
			// Only the start of an error body is read: an error page larger than the body
			// limit keeps its status, and its rest is discarded with the connection.
			return DataBufferUtils
				.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), MAX_ERROR_BODY))
				.map((buffer) -> {
					try {
						return buffer.toString(StandardCharsets.UTF_8);
					}
					finally {
						DataBufferUtils.release(buffer);
					}
				})
				.defaultIfEmpty("")
				.flatMap((body) -> Mono.error(this.httpErrors.translate(exchange, status, body, retryAfter)));
		}
		if (decoder == null) {
			return response.releaseBody().then(Mono.empty());
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		return response.bodyToMono(DataBuffer.class)
			.map((buffer) -> decode(exchange, buffer, headers, decoder))
			.switchIfEmpty(Mono.defer(() -> {
				// What a 204 means is the caller's: an update answered without a body
				// took the record as sent.
				V sent = (status == 204) ? decoder.noContent(headers) : null;
				return (sent != null) ? Mono.just(sent)
						: Mono.error(new ApiDecodeException(exchange.describe() + ": the response has no body", null));
			}));
	}

	private static <V> V decode(Exchange exchange, DataBuffer buffer, HttpHeaders headers, BodyDecoder<V> decoder) {
		try {
			return decoder.decode(buffer.asInputStream(), headers);
		}
		catch (java.io.IOException ex) {
			throw new ApiDecodeException(exchange.describe() + ": the response body could not be read", ex);
		}
		catch (OutOfMemoryError | StackOverflowError ex) {
			// Reactor treats these as fatal and lets them end the network thread's task
			// without a signal: the caller would wait for ever. Decoding gave up; the
			// caller is told.
			throw new ApiDecodeException(exchange.describe() + ": decoding the response body failed with "
					+ ex.getClass().getSimpleName() + " (a body too large or too deeply nested for this JVM)", ex);
		}
		catch (JacksonException | ApiDecodeException ex) {
			throw new ApiDecodeException(exchange.describe() + ": the response body is not what "
					+ exchange.entity().getModelName() + " expects: " + ex.getMessage(), ex);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
