package dev.apiorm.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;

/**
 * An in-memory API that speaks the {@code drf} dialect's wire format, for tests and demos
 * of code that uses api-orm: one collection per {@link dev.apiorm.ApiModel} endpoint,
 * with django-filter lookups evaluated by the same evaluator that checks api-orm's
 * results, {@code ordering}, LimitOffset or PageNumber pagination (as the model declares)
 * with DRF's {@code count/next/previous} links, required fields (from {@code @NotNull},
 * {@code @NotBlank}, {@code @NotEmpty}) and unique fields as DRF field errors, and ETags
 * with {@code If-Match}.
 * <p>
 * It runs a real HTTP server on 127.0.0.1, so the whole client is exercised: dialect,
 * paging, verification, errors. A filter on a field the model does not have is answered
 * with 400 naming it, rather than ignored as DRF would. Seed it with
 * {@link #seed(Class, List)}, inspect it with {@link #records(Class)} and
 * {@link #requests()}.
 */
public final class FakeApi implements AutoCloseable {

	private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, FakeCollection> collections = new ConcurrentHashMap<>();

	private final Map<Class<?>, Set<String>> unique = new ConcurrentHashMap<>();

	private final List<Received> requests = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	private volatile @Nullable ApiMappingContext models;

	private volatile @Nullable String negationSuffix;

	private FakeApi() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	/**
	 * Starts a fake API on a free port of 127.0.0.1.
	 * @return the running fake
	 */
	public static FakeApi start() {
		return new FakeApi();
	}

	/**
	 * The fake's base URL, for {@code api-orm.base-url}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * The models whose endpoints the fake serves: those of a mapping context, as they are
	 * added to it.
	 * @param mappingContext the mapping context of the client under test
	 */
	public void useModels(ApiMappingContext mappingContext) {
		Assert.notNull(mappingContext, "mappingContext must not be null");
		this.models = mappingContext;
	}

	/**
	 * Accepts negated filters named with a suffix, as an API that declares them does
	 * ({@code api-orm.drf.negation-suffix}).
	 * @param suffix the suffix, {@code null} for none
	 */
	public void negationSuffix(@Nullable String suffix) {
		this.negationSuffix = suffix;
	}

	/**
	 * Makes fields of a model unique: a write that repeats a value fails with a field
	 * error, as a DRF serializer of a unique model field does.
	 * @param type the model class
	 * @param fields the API names of the fields
	 */
	public void unique(Class<?> type, String... fields) {
		this.unique.put(type, Set.copyOf(Arrays.asList(fields)));
	}

	/**
	 * Adds records to a model's collection, as they would be created; records without an
	 * id get the next free number.
	 * @param type the model class
	 * @param records the records
	 * @param <T> the model type
	 */
	public <T> void seed(Class<T> type, List<? extends T> records) {
		ApiPersistentEntity<T> entity = entity(type);
		FakeCollection collection = collection(entity);
		records.forEach((record) -> collection.put(entity.getCodec().toJsonMap(record)));
	}

	/**
	 * Adds records, given as maps of API names, to the collection at an endpoint.
	 * @param endpoint the model's endpoint, as in {@code @ApiModel}
	 * @param records the records
	 */
	public void seed(String endpoint, List<Map<String, Object>> records) {
		FakeCollection collection = collectionAt(endpoint);
		if (collection == null) {
			throw new ConfigurationException(
					"The fake API serves no model at '" + endpoint + "' (models: " + endpoints() + ")");
		}
		records.forEach(collection::put);
	}

	/**
	 * The records of a model's collection, in the order they were created.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the records
	 */
	public <T> List<T> records(Class<T> type) {
		ApiPersistentEntity<T> entity = entity(type);
		List<T> records = new ArrayList<>();
		collection(entity).records().forEach((record) -> records.add(entity.getCodec().convertValue(record, type)));
		return records;
	}

	/**
	 * The requests the fake received, oldest first: {@code METHOD path?query} and, when
	 * there was a body, a space and the body.
	 * @return the requests
	 */
	public List<String> requests() {
		return this.requests.stream().map(Received::line).toList();
	}

	/**
	 * The value of one header in each request the fake received, oldest first, in step
	 * with {@link #requests()}: for example what an exchange policy added.
	 * @param name the header's name, in any case
	 * @return the first value of the header in each request, {@code null} for a request
	 * without it
	 */
	public List<@Nullable String> requestHeaders(String name) {
		Assert.hasText(name, "name must not be empty");
		List<@Nullable String> values = new ArrayList<>();
		this.requests.forEach((received) -> values.add(received.headers().get(name)));
		return Collections.unmodifiableList(values);
	}

	/**
	 * Forgets every record and request.
	 */
	public void reset() {
		this.collections.values().forEach(FakeCollection::clear);
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
			String text = new String(body, StandardCharsets.UTF_8);
			this.requests
				.add(new Received(request.method().name() + " " + request.uri() + (text.isEmpty() ? "" : " " + text),
						request.requestHeaders().copy()));
			FakeResponse answer;
			try {
				answer = answer(request, body);
			}
			catch (RuntimeException ex) {
				answer = FakeResponse.detail(400, "Bad request: " + ex.getMessage());
			}
			response.status(answer.status());
			answer.headers().forEach(response::header);
			if (answer.body() == null) {
				return response.send().then();
			}
			response.header("Content-Type", "application/json");
			return response.sendByteArray(Mono.just(this.json.writeValueAsBytes(answer.body()))).then();
		});
	}

	private FakeResponse answer(HttpServerRequest request, byte[] body) {
		UriComponents uri = UriComponentsBuilder.fromUriString(baseUrl() + request.uri()).build();
		String path = (uri.getPath() != null) ? uri.getPath() : "/";
		String method = request.method().name();
		String ifMatch = request.requestHeaders().get("If-Match");
		if (path.equals("/") && method.equals("GET")) {
			// DRF's API root: the endpoints it serves.
			Map<String, String> root = new java.util.TreeMap<>();
			ApiMappingContext context = this.models;
			if (context != null) {
				context.getPersistentEntities()
					.forEach((entity) -> root.put(entity.getModelName().toLowerCase(java.util.Locale.ROOT),
							baseUrl() + entity.getEndpoint()));
			}
			return FakeResponse.of(200, root);
		}
		FakeCollection collection = collectionAt(path);
		if (collection != null) {
			MultiValueMap<String, String> parameters = UriComponentsBuilder.fromUriString(request.uri())
				.build(true)
				.getQueryParams();
			return switch (method) {
				case "GET" -> collection.list(uri.toUriString(), decoded(parameters));
				case "POST" -> collection.create(this.json.readValue(body, RECORD));
				default -> FakeResponse.detail(405, "Method \"" + method + "\" not allowed.");
			};
		}
		int slash = path.endsWith("/") ? path.lastIndexOf('/', path.length() - 2) : path.lastIndexOf('/');
		FakeCollection owner = (slash > 0) ? collectionAt(path.substring(0, slash + 1)) : null;
		if (owner == null && slash > 0) {
			owner = collectionAt(path.substring(0, slash));
		}
		if (owner == null) {
			return FakeResponse.detail(404, "Not found.");
		}
		String id = org.springframework.web.util.UriUtils.decode(
				path.substring(slash + 1, path.endsWith("/") ? path.length() - 1 : path.length()),
				StandardCharsets.UTF_8);
		return switch (method) {
			case "GET" -> owner.get(id);
			case "PUT" -> owner.update(id, this.json.readValue(body, RECORD), false, ifMatch);
			case "PATCH" -> owner.update(id, this.json.readValue(body, RECORD), true, ifMatch);
			case "DELETE" -> owner.delete(id, ifMatch);
			default -> FakeResponse.detail(405, "Method \"" + method + "\" not allowed.");
		};
	}

	private static MultiValueMap<String, String> decoded(MultiValueMap<String, String> encoded) {
		org.springframework.util.LinkedMultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
		encoded.forEach((name, values) -> values.forEach((value) -> decoded.add(decode(name), decode(value))));
		return decoded;
	}

	private static String decode(@Nullable String text) {
		return (text != null) ? org.springframework.web.util.UriUtils.decode(text, StandardCharsets.UTF_8) : "";
	}

	private @Nullable FakeCollection collectionAt(String endpoint) {
		FakeCollection known = this.collections.get(endpoint);
		if (known != null) {
			return known;
		}
		ApiMappingContext context = this.models;
		if (context == null) {
			return null;
		}
		for (ApiPersistentEntity<?> entity : context.getPersistentEntities()) {
			if (entity.getEndpoint().equals(endpoint)) {
				return collection(entity);
			}
		}
		return null;
	}

	private FakeCollection collection(ApiPersistentEntity<?> entity) {
		return this.collections.computeIfAbsent(entity.getEndpoint(),
				(endpoint) -> new FakeCollection(entity, () -> this.unique.getOrDefault(entity.getType(), Set.of()),
						() -> this.negationSuffix, this::collection));
	}

	private <T> ApiPersistentEntity<T> entity(Class<T> type) {
		ApiMappingContext context = this.models;
		if (context == null) {
			throw new ConfigurationException("The fake API has no models yet: call useModels(mappingContext) first");
		}
		return context.getRequiredEntity(type);
	}

	private List<String> endpoints() {
		ApiMappingContext context = this.models;
		List<String> endpoints = new ArrayList<>();
		if (context != null) {
			context.getPersistentEntities().forEach((entity) -> endpoints.add(entity.getEndpoint()));
		}
		return endpoints;
	}

	/**
	 * A request as it was received: its line for {@link #requests()} and its headers.
	 */
	private record Received(String line, HttpHeaders headers) {
	}

}
