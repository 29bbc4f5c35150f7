package dev.apiorm.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

import dev.apiorm.Pagination;
import dev.apiorm.core.mapping.ModelMetadata;
import dev.apiorm.core.observation.ApiExchangeContext;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.query.QueryDefinition;

/**
 * The WebClient-backed {@link ApiOperations}: builds URLs with the dialect, sends
 * requests on Reactor Netty, decodes JSON with the models' prepared readers, maps every
 * failure to the exception hierarchy and observes every exchange.
 */
public class WebClientApiOperations implements ApiOperations {

	private static final ApiExchangeObservationConvention CONVENTION = new ApiExchangeObservationConvention();

	private final ApiClientSettings settings;

	private final WebClient webClient;

	private final Dialect dialect;

	private final JsonMapper mapper;

	private final JsonMapper bodyMapper;

	private final ObservationRegistry observationRegistry;

	private final String base;

	private final HttpErrorTranslator httpErrors;

	private final TransportErrorTranslator transportErrors;

	private final ConcurrencyLimiter limiter;

	public WebClientApiOperations(ApiClientSettings settings, WebClient webClient, Dialect dialect, JsonMapper mapper,
			ObservationRegistry observationRegistry) {
		Assert.notNull(settings, "settings must not be null");
		Assert.notNull(webClient, "webClient must not be null");
		Assert.notNull(dialect, "dialect must not be null");
		Assert.notNull(mapper, "mapper must not be null");
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		this.settings = settings;
		this.webClient = webClient;
		this.dialect = dialect;
		this.mapper = mapper;
		// A record sent whole (POST, PUT) leaves out its null properties, so that the
		// server applies its defaults; a map of fields (PATCH) is sent as given, nulls
		// too.
		this.bodyMapper = mapper.rebuild()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
		this.observationRegistry = observationRegistry;
		String url = settings.baseUrl().toString();
		this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.httpErrors = new HttpErrorTranslator(dialect);
		this.transportErrors = new TransportErrorTranslator(settings);
		this.limiter = ConcurrencyLimiter.of(settings.maxConcurrency());
	}

	@Override
	public ApiClientSettings settings() {
		return this.settings;
	}

	@Override
	public Dialect dialect() {
		return this.dialect;
	}

	@Override
	public <R> Flux<R> find(ModelMetadata<?> model, QueryDefinition query, Function<JsonParser, R> reader) {
		return Flux.defer(() -> stream(model, query, reader, null));
	}

	@Override
	public <R> Mono<CountedRecords<R>> findCounted(ModelMetadata<?> model, QueryDefinition query,
			Function<JsonParser, R> reader) {
		return Mono.defer(() -> {
			AtomicReference<Long> total = new AtomicReference<>();
			return stream(model, query, reader, total).collectList().flatMap((records) -> {
				Long count = total.get();
				if (count != null) {
					return Mono.just(new CountedRecords<>(records, count));
				}
				return count(model, new QueryDefinition(query.filter(), query.ordering(), 0, null))
					.map((all) -> new CountedRecords<>(records, all));
			});
		});
	}

	private <R> Flux<R> stream(ModelMetadata<?> model, QueryDefinition query, Function<JsonParser, R> reader,
			@Nullable AtomicReference<Long> total) {
		String filter = this.dialect.queryParameters(query.filter(), query.ordering());
		Pagination pagination = pagination(model);
		int size = pageSize(pagination, query);
		Dialect.PageStart start = this.dialect.pageParameters(pagination, query.offset(), size);
		String firstUrl = collectionUrl(model, filter, start.parameters());
		Function<String, Mono<PageResult<R>>> fetch = (url) -> fetchPage(model, "list", url, reader)
			.doOnNext((page) -> {
				if (total != null && total.get() == null && page.count() != null) {
					total.set(page.count());
				}
			});
		return PageStream.of(firstUrl, start.skip(), query.offset(), query.limit(), fetch,
				(next) -> nextLink(model, firstUrl, next));
	}

	@Override
	public Mono<Long> count(ModelMetadata<?> model, QueryDefinition query) {
		return Mono.defer(() -> {
			String filter = this.dialect.queryParameters(query.filter(), query.ordering());
			Dialect.PageStart start = this.dialect.pageParameters(pagination(model), 0, 1);
			String url = collectionUrl(model, filter, start.parameters());
			Function<JsonParser, Boolean> skip = (parser) -> {
				parser.skipChildren();
				return Boolean.TRUE;
			};
			return fetchPage(model, "count", url, skip).flatMap((page) -> {
				if (page.count() != null) {
					return Mono.just(page.count());
				}
				QueryDefinition all = new QueryDefinition(query.filter(), query.ordering(), 0, null);
				return find(model, all, skip).count();
			}).map((total) -> window(total, query));
		});
	}

	private static long window(long total, QueryDefinition query) {
		long available = Math.max(0, total - query.offset());
		return (query.limit() != null) ? Math.min(available, query.limit()) : available;
	}

	@Override
	public <T> Mono<T> get(ModelMetadata<T> model, Object id, @Nullable T target, String operation) {
		return Mono
			.defer(() -> exchange(new Exchange(model, operation, HttpMethod.GET, recordUrl(model, id), null, true),
					(body) -> decodeRecord(model, body, target)));
	}

	@Override
	public <T> Mono<T> create(ModelMetadata<T> model, Object body, @Nullable T target) {
		return Mono.defer(() -> exchange(
				new Exchange(model, "create", HttpMethod.POST, URI.create(this.base + model.endpoint()), body, false),
				(response) -> decodeRecord(model, response, target)));
	}

	@Override
	public <T> Mono<T> update(ModelMetadata<T> model, Object id, Object body, @Nullable T target) {
		return Mono
			.defer(() -> exchange(new Exchange(model, "update", HttpMethod.PUT, recordUrl(model, id), body, true),
					(response) -> decodeRecord(model, response, target)));
	}

	@Override
	public <T> Mono<T> partialUpdate(ModelMetadata<T> model, Object id, Map<String, ?> fields, @Nullable T target) {
		return Mono.defer(() -> exchange(
				new Exchange(model, "partial_update", HttpMethod.PATCH, recordUrl(model, id), fields, true),
				(response) -> decodeRecord(model, response, target)));
	}

	@Override
	public Mono<Void> delete(ModelMetadata<?> model, Object id) {
		return Mono
			.defer(() -> exchange(new Exchange(model, "delete", HttpMethod.DELETE, recordUrl(model, id), null, true),
					null))
			.then();
	}

	@Override
	public Mono<Integer> probe(String path) {
		return Mono.defer(() -> {
			URI url = path.isEmpty() ? this.settings.baseUrl()
					: URI.create(this.base + (path.startsWith("/") ? path : "/" + path));
			return this.webClient.get()
				.uri(url)
				.accept(MediaType.APPLICATION_JSON)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
		});
	}

	private <R> Mono<PageResult<R>> fetchPage(ModelMetadata<?> model, String operation, String url,
			Function<JsonParser, R> reader) {
		Exchange exchange = new Exchange(model, operation, HttpMethod.GET, URI.create(url), null, false);
		return exchange(exchange, (body) -> {
			try (JsonParser parser = this.mapper.createParser(body)) {
				return this.dialect.readPage(parser, reader);
			}
		});
	}

	private <T> T decodeRecord(ModelMetadata<T> model, byte[] body, @Nullable T target) {
		if (body.length == 0) {
			throw new ApiDecodeException("the response has no body", null);
		}
		return (target != null && model.isMutable()) ? model.readInto(target, body) : model.read(body);
	}

	private <V> Mono<V> exchange(Exchange exchange, @Nullable Function<byte[], V> decode) {
		ApiExchangeContext context = new ApiExchangeContext(this.settings.name(), exchange.model().name(),
				exchange.operation(), exchange.method().name());
		Mono<V> call = Mono.defer(() -> {
			WebClient.RequestBodySpec request = this.webClient.method(exchange.method())
				.uri(exchange.url())
				.accept(MediaType.APPLICATION_JSON);
			if (exchange.body() != null) {
				request.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(this.bodyMapper.writeValueAsBytes(exchange.body()));
			}
			return request.exchangeToMono((response) -> handle(exchange, context, response, decode));
		})
			.onErrorMap((failure) -> !(failure instanceof ApiException),
					(failure) -> this.transportErrors.translate(exchange, failure));
		return this.limiter.limit(observe(context, call));
	}

	private <V> Mono<V> handle(Exchange exchange, ApiExchangeContext context, ClientResponse response,
			@Nullable Function<byte[], V> decode) {
		int status = response.statusCode().value();
		context.setStatus(status);
		if (status >= 300) {
			String retryAfter = response.headers().asHttpHeaders().getFirst("Retry-After");
			return response.bodyToMono(byte[].class)
				.map((bytes) -> new String(bytes, StandardCharsets.UTF_8))
				.defaultIfEmpty("")
				.flatMap((body) -> Mono.error(this.httpErrors.translate(exchange, status, body, retryAfter)));
		}
		if (decode == null) {
			return response.releaseBody().then(Mono.empty());
		}
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map((body) -> {
			try {
				return decode.apply(body);
			}
			catch (JacksonException | ApiDecodeException ex) {
				throw new ApiDecodeException(exchange.describe() + ": the response body is not what "
						+ exchange.model().name() + " expects: " + ex.getMessage(), ex);
			}
		});
	}

	private <V> Mono<V> observe(ApiExchangeContext context, Mono<V> call) {
		if (this.observationRegistry.isNoop()) {
			return call;
		}
		return Mono.deferContextual((reactorContext) -> {
			Observation observation = Observation.createNotStarted(CONVENTION, () -> context, this.observationRegistry);
			Observation parent = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			return call.doOnError(observation::error)
				.doFinally((signal) -> observation.stop())
				.contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Pagination pagination(ModelMetadata<?> model) {
		return (model.pagination() != Pagination.CLIENT_DEFAULT) ? model.pagination() : this.settings.pagination();
	}

	private int pageSize(Pagination pagination, QueryDefinition query) {
		int size = this.settings.pageSize();
		Long limit = query.limit();
		if (limit != null && limit < size && (pagination == Pagination.LIMIT_OFFSET || query.offset() == 0)) {
			return (int) Math.max(1, limit);
		}
		return size;
	}

	private String collectionUrl(ModelMetadata<?> model, String... parameterGroups) {
		StringBuilder url = new StringBuilder(this.base).append(model.endpoint());
		char separator = '?';
		for (String parameters : parameterGroups) {
			if (!parameters.isEmpty()) {
				url.append(separator).append(parameters);
				separator = '&';
			}
		}
		return url.toString();
	}

	private URI recordUrl(ModelMetadata<?> model, Object id) {
		String text = String.valueOf(model.convertId(id));
		if (text.isEmpty() || text.equals(".") || text.equals("..")) {
			throw new IllegalArgumentException(model.name() + ": '" + text + "' is not a valid id");
		}
		String segment = UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
		String endpoint = model.endpoint();
		return URI.create(this.base + endpoint + (endpoint.endsWith("/") ? segment + "/" : "/" + segment));
	}

	private String nextLink(ModelMetadata<?> model, String requestUrl, String next) {
		URI resolved = URI.create(requestUrl).resolve(next);
		if (!Origins.same(this.settings.baseUrl(), resolved)) {
			throw new ApiDecodeException(model.name() + " list: the next page link points to " + resolved.getScheme()
					+ "://" + resolved.getAuthority() + ", outside the API's origin; it was not followed", null);
		}
		return resolved.toString();
	}

}
