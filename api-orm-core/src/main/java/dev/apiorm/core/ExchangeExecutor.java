package dev.apiorm.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.exchange.BodyReader;
import dev.apiorm.core.exchange.ExchangeAttributes;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.core.observation.ApiExchangeContext;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;

/**
 * Runs one client's exchanges: turns each into an {@link ExchangeRequest}, passes it
 * through the client's {@link ExchangePipeline} (composed here, once), and, at the end of
 * the pipeline, sends each attempt on the client's WebClient: within the timeout and the
 * deadline, an error status or a transport failure turned into the exception hierarchy,
 * the body decoded straight from the network buffer.
 */
final class ExchangeExecutor {

	/** Logs each exchange at DEBUG: method, URL without secrets, status and time. */
	private static final Log logger = LogFactory.getLog(ExchangeExecutor.class);

	/** The request attribute WebClient's observations take the URI template from. */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/** The request attribute that carries the call's {@link BodyDecoder}. */
	private static final String DECODER = BodyDecoder.class.getName();

	/** How much of an error body is read for its message and field errors. */
	private static final long MAX_ERROR_BODY = 16 * 1024;

	private final ApiClientSettings settings;

	private final WebClient webClient;

	private final HttpErrorTranslator httpErrors;

	private final TransportErrorTranslator transportErrors;

	private final MediaType mediaType;

	/** The headers the dialect sends with every request. */
	private final Map<String, String> dialectHeaders;

	private final ResourceUrls urls;

	private final ExchangePipeline pipeline;

	private final StandingHeaders standingHeaders;

	/** Whether a call policy may answer from bytes it kept, and needs a body reader. */
	private final boolean bodyReaders;

	/** The registry attempts are observed in, {@code null} when they are not. */
	private final @Nullable ObservationRegistry observed;

	ExchangeExecutor(ApiClientSettings settings, WebClient webClient, Dialect dialect, ResourceUrls urls,
			ObservationRegistry observationRegistry, ApiExchangeObservationConvention convention,
			List<? extends ExchangePolicy> policies) {
		this.urls = urls;
		this.settings = settings;
		this.webClient = webClient;
		this.httpErrors = new HttpErrorTranslator(dialect);
		this.transportErrors = new TransportErrorTranslator(settings);
		this.mediaType = dialect.mediaType();
		this.standingHeaders = new StandingHeaders(settings);
		this.dialectHeaders = dialect.requestHeaders();
		this.pipeline = ExchangePipeline.compose(policies, builtIns(settings, observationRegistry, convention),
				this::send);
		this.observed = (observationRegistry != ObservationRegistry.NOOP) ? observationRegistry : null;
		this.bodyReaders = policies.stream().anyMatch((policy) -> policy.stage() == ExchangePolicy.Stage.CALL);
	}

	/**
	 * The built-in policies in the order they wrap a request: the retry (the call stage's
	 * last), then per attempt the concurrency limit and the observation.
	 */
	private static List<ExchangePolicy> builtIns(ApiClientSettings settings, ObservationRegistry observationRegistry,
			ApiExchangeObservationConvention convention) {
		List<ExchangePolicy> builtIns = new ArrayList<>(3);
		builtIns.add(new RetryPolicy(settings.retry()));
		ConcurrencyLimitPolicy limit = ConcurrencyLimitPolicy.of(settings.http().maxConcurrency());
		if (limit != null) {
			builtIns.add(limit);
		}
		if (observationRegistry != ObservationRegistry.NOOP) {
			builtIns.add(new ObservationPolicy(observationRegistry, convention));
		}
		return builtIns;
	}

	/**
	 * The client's pipeline, for tests.
	 */
	ExchangePipeline pipeline() {
		return this.pipeline;
	}

	/**
	 * Runs an exchange and decodes its body.
	 * @param exchange the exchange
	 * @param decoder the decoder of a successful body, {@code null} to ignore the body
	 * @return the decoded body; empty when no decoder was given
	 */
	@SuppressWarnings("unchecked")
	<V> Mono<V> execute(Exchange exchange, @Nullable BodyDecoder<V> decoder) {
		// The deadline starts when the call is subscribed to, not when it is assembled.
		return Mono.defer(() -> this.pipeline.exchange(request(exchange, decoder)))
			.flatMap((response) -> Mono.justOrEmpty((V) response.body()));
	}

	private ExchangeRequest request(Exchange exchange, @Nullable BodyDecoder<?> decoder) {
		ExchangeRequest.Builder request = ExchangeRequest
			.builder(exchange.entity(), exchange.operation(), exchange.method(), exchange.url())
			.client(this.settings.name())
			.targetsRecord(exchange.recordRequest())
			.body(exchange.body())
			.deadline(this.settings.http().deadline());
		this.dialectHeaders.forEach(request::header);
		String ifMatch = exchange.ifMatch();
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		String key = exchange.idempotencyKey();
		String keyHeader = this.settings.retry().idempotencyKeyHeader();
		if (key != null && keyHeader != null) {
			request.header(keyHeader, key);
		}
		if (decoder != null) {
			request.attribute(DECODER, decoder);
		}
		if (decoder != null && this.bodyReaders) {
			// For a call policy that answers from bytes it kept (an HTTP cache).
			request.attribute(ExchangeAttributes.BODY_READER, (BodyReader) (sent, bytes, headers) -> decode(sent,
					DefaultDataBufferFactory.sharedInstance.wrap(bytes), headers, decoder));
		}
		ObservationRegistry registry = this.observed;
		if (registry != null && !registry.isNoop()) {
			// Read on the thread that starts the call; the attempts may run on others.
			request.attribute(ObservationPolicy.CALL, ObservationPolicy.callParent(registry));
		}
		return request.build();
	}

	/**
	 * The failure of a call whose deadline passed.
	 * @param request the call's request
	 * @return the exception naming the deadline and its property
	 */
	static ApiTimeoutException deadlineExceeded(ExchangeRequest request) {
		Duration deadline = request.deadline();
		Assert.state(deadline != null, "a call without a deadline cannot exceed it");
		return new ApiTimeoutException(request + " did not complete within its deadline of " + deadline + " ("
				+ ApiClientSettings.propertyPrefix(request.client()) + "deadline)", deadline, null);
	}

	/**
	 * Sends a {@code GET} and gives the status without reading the body.
	 */
	Mono<Integer> probe(java.net.URI url) {
		return this.webClient.get()
			.uri(url)
			.headers((headers) -> this.standingHeaders.applyTo(headers, url))
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

	/**
	 * One attempt on the wire: the end of the pipeline.
	 */
	private Mono<ExchangeResponse> send(ExchangeRequest request) {
		return Mono.defer(() -> {
			// The whole response of an attempt, however slowly it arrives (Reactor
			// Netty's own response timeout only bounds the gap between two reads), or
			// the time left before the call's deadline when that is shorter.
			Duration timeout = this.settings.http().timeout();
			Duration left = request.timeLeft();
			boolean deadlineFirst = left.compareTo(timeout) < 0;
			long started = System.nanoTime();
			WebClient.RequestBodySpec spec = this.webClient.method(request.method())
				.uri(request.url())
				// The URI template names the exchange in Boot's http.client.requests
				// instead of uri=none.
				.attribute(URI_TEMPLATE_ATTRIBUTE, this.urls.template(request.entity(), request.targetsRecord()))
				.headers((sent) -> this.standingHeaders.applyTo(sent, request.url()))
				.accept(this.mediaType);
			HttpHeaders headers = request.headers();
			if (!headers.isEmpty()) {
				spec.headers((sent) -> sent.putAll(headers));
			}
			byte[] body = request.body();
			if (body != null) {
				spec.contentType(this.mediaType).bodyValue(body);
			}
			return spec.exchangeToMono((response) -> {
				if (logger.isDebugEnabled()) {
					logger.debug(request.method().name() + " " + Urls.display(request.url()) + " -> "
							+ response.statusCode().value() + " in "
							+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
				}
				return handle(request, response);
			})
				.timeout(deadlineFirst ? left : timeout,
						Mono.error(() -> deadlineFirst ? deadlineExceeded(request) : new ApiTimeoutException(
								request + " got no complete response within " + timeout, timeout, null)));
		})
			.onErrorMap((failure) -> !(failure instanceof ApiException),
					(failure) -> this.transportErrors.translate(request, failure));
	}

	private Mono<ExchangeResponse> handle(ExchangeRequest request, ClientResponse response) {
		int status = response.statusCode().value();
		ApiExchangeContext context = ObservationPolicy.context(request);
		if (context != null) {
			context.setStatus(status);
		}
		if (status == 304 && Boolean.TRUE.equals(request.attribute(ExchangeAttributes.ACCEPT_NOT_MODIFIED))) {
			return response.releaseBody().thenReturn(ExchangeResponse.notModified(response.headers().asHttpHeaders()));
		}
		if (status >= 300) {
			String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
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
				.flatMap((body) -> Mono.error(this.httpErrors.translate(request, status, body, retryAfter)));
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		BodyDecoder<?> decoder = (BodyDecoder<?>) request.attribute(DECODER);
		if (decoder == null) {
			return response.releaseBody().thenReturn(ExchangeResponse.of(status, headers, null));
		}
		boolean keep = Boolean.TRUE.equals(request.attribute(ExchangeAttributes.KEEP_BODY));
		return response.bodyToMono(DataBuffer.class)
			.map((buffer) -> keep ? kept(request, status, headers, buffer, decoder)
					: ExchangeResponse.of(status, headers, decode(request, buffer, headers, decoder)))
			.switchIfEmpty(Mono.defer(() -> {
				// What a 204 means is the caller's: an update answered without a body
				// took the record as sent.
				Object sent = (status == 204) ? decoder.noContent(headers) : null;
				return (sent != null) ? Mono.just(ExchangeResponse.of(status, headers, sent))
						: Mono.error(new ApiDecodeException(request + ": the response has no body", null));
			}));
	}

	private static ExchangeResponse kept(ExchangeRequest request, int status, HttpHeaders headers, DataBuffer buffer,
			BodyDecoder<?> decoder) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		try {
			buffer.read(bytes);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		return ExchangeResponse.of(status, headers,
				decode(request, DefaultDataBufferFactory.sharedInstance.wrap(bytes), headers, decoder), bytes);
	}

	private static Object decode(ExchangeRequest request, DataBuffer buffer, HttpHeaders headers,
			BodyDecoder<?> decoder) {
		try {
			return decoder.decode(buffer.asInputStream(), headers);
		}
		catch (java.io.IOException ex) {
			throw new ApiDecodeException(request + ": the response body could not be read", ex);
		}
		catch (OutOfMemoryError | StackOverflowError ex) {
			// Reactor treats these as fatal and lets them end the network thread's task
			// without a signal: the caller would wait for ever. Decoding gave up; the
			// caller is told.
			throw new ApiDecodeException(request + ": decoding the response body failed with "
					+ ex.getClass().getSimpleName() + " (a body too large or too deeply nested for this JVM)", ex);
		}
		catch (Error ex) {
			// Any other error of a decoder (a class missing from the class path, an
			// assertion): fatal ones would end the task as above, and the others be taken
			// for a broken connection.
			throw new ApiDecodeException(request + ": decoding the response body failed with "
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		catch (JacksonException | ApiDecodeException ex) {
			throw new ApiDecodeException(request + ": the response body is not what " + request.entity().getModelName()
					+ " expects: " + ex.getMessage(), ex);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
