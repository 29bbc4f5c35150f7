package dev.apiorm.demo.upstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded sample upstream: {@code /api/v1/users/} and {@code /api/v1/posts/} served
 * as Django REST Framework serves them (django-filter lookups, {@code ordering},
 * LimitOffsetPagination with {@code count/next/previous/results}, field errors as 400),
 * on a Reactor Netty server bound to 127.0.0.1.
 */
public final class SampleUpstream implements AutoCloseable {

	private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
	};

	private static final Pattern RECORD = Pattern.compile("/api/v1/(\\w+)/([^/]+)/");

	private static final Set<String> PAGING = Set.of("limit", "offset", "ordering");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, InMemoryCollection> collections = Map.of("users",
			new InMemoryCollection(Set.of("name", "email"), Set.of("email")), "posts",
			new InMemoryCollection(Set.of("title", "author"), Set.of()));

	private final DisposableServer server;

	private SampleUpstream(int port) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes
				.get("/",
						(request, response) -> send(response, 200,
								Map.of("users", "/api/v1/users/", "posts", "/api/v1/posts/")))
				.get("/api/v1/{collection}/", this::list)
				.post("/api/v1/{collection}/", this::create)
				.route((request) -> RECORD.matcher(new QueryStringDecoder(request.uri()).path()).matches(),
						this::record))
			.bindNow();
	}

	/**
	 * Starts the upstream on a free port of 127.0.0.1.
	 * @return the running upstream
	 */
	public static SampleUpstream start() {
		return new SampleUpstream(0);
	}

	/**
	 * The upstream's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private Publisher<Void> list(HttpServerRequest request, HttpServerResponse response) {
		InMemoryCollection collection = collection(request);
		if (collection == null) {
			return send(response, 404, Map.of("detail", "Not found."));
		}
		QueryStringDecoder query = new QueryStringDecoder(request.uri());
		Map<String, String> lookups = new LinkedHashMap<>();
		query.parameters().forEach((name, values) -> {
			if (!PAGING.contains(name)) {
				lookups.put(name, values.get(0));
			}
		});
		try {
			List<Map<String, Object>> found = collection.find(lookups, first(query, "ordering", null));
			int limit = Integer.parseInt(first(query, "limit", "100"));
			int offset = Integer.parseInt(first(query, "offset", "0"));
			List<Map<String, Object>> page = found.subList(Math.min(offset, found.size()),
					Math.min(offset + limit, found.size()));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("count", found.size());
			body.put("next", (offset + limit < found.size()) ? link(request, query, limit, offset + limit) : null);
			body.put("previous", (offset > 0) ? link(request, query, limit, Math.max(0, offset - limit)) : null);
			body.put("results", page);
			return send(response, 200, body);
		}
		catch (InMemoryCollection.ValidationFailure ex) {
			return send(response, 400, ex.errors());
		}
	}

	private String link(HttpServerRequest request, QueryStringDecoder query, int limit, int offset) {
		StringBuilder url = new StringBuilder(baseUrl()).append(query.path()).append("?limit=").append(limit);
		url.append("&offset=").append(offset);
		query.parameters().forEach((name, values) -> {
			if (!name.equals("limit") && !name.equals("offset")) {
				url.append('&')
					.append(name)
					.append('=')
					.append(URLEncoder.encode(values.get(0), StandardCharsets.UTF_8));
			}
		});
		return url.toString();
	}

	private Publisher<Void> create(HttpServerRequest request, HttpServerResponse response) {
		InMemoryCollection collection = collection(request);
		if (collection == null) {
			return send(response, 404, Map.of("detail", "Not found."));
		}
		return request.receive().aggregate().asString().defaultIfEmpty("{}").flatMap((text) -> {
			try {
				return Mono.from(send(response, 201, collection.create(this.json.readValue(text, FIELDS))));
			}
			catch (InMemoryCollection.ValidationFailure ex) {
				return Mono.from(send(response, 400, ex.errors()));
			}
		});
	}

	private Publisher<Void> record(HttpServerRequest request, HttpServerResponse response) {
		Matcher path = RECORD.matcher(new QueryStringDecoder(request.uri()).path());
		path.matches();
		InMemoryCollection collection = this.collections.get(path.group(1));
		long id = id(path.group(2));
		if (collection == null) {
			return send(response, 404, Map.of("detail", "Not found."));
		}
		HttpMethod method = request.method();
		if (HttpMethod.GET.equals(method)) {
			return retrieve(collection, id, response);
		}
		if (HttpMethod.DELETE.equals(method)) {
			return delete(collection, id, response);
		}
		if (HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method)) {
			return update(request, response, collection, id, HttpMethod.PATCH.equals(method));
		}
		return send(response, 405, Map.of("detail", "Method \"" + method + "\" not allowed."));
	}

	private Publisher<Void> retrieve(InMemoryCollection collection, long id, HttpServerResponse response) {
		Map<String, Object> record = collection.get(id);
		return (record != null) ? send(response, 200, record) : send(response, 404, Map.of("detail", "Not found."));
	}

	private Publisher<Void> update(HttpServerRequest request, HttpServerResponse response,
			InMemoryCollection collection, long id, boolean partial) {
		return request.receive().aggregate().asString().defaultIfEmpty("{}").flatMap((text) -> {
			try {
				Map<String, Object> record = collection.update(id, this.json.readValue(text, FIELDS), partial);
				return Mono.from((record != null) ? send(response, 200, record)
						: send(response, 404, Map.of("detail", "Not found.")));
			}
			catch (InMemoryCollection.ValidationFailure ex) {
				return Mono.from(send(response, 400, ex.errors()));
			}
		});
	}

	private Publisher<Void> delete(InMemoryCollection collection, long id, HttpServerResponse response) {
		return collection.delete(id) ? response.status(204).send()
				: send(response, 404, Map.of("detail", "Not found."));
	}

	private @Nullable InMemoryCollection collection(HttpServerRequest request) {
		return this.collections.get(request.param("collection"));
	}

	private static long id(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static @Nullable String first(QueryStringDecoder query, String name, @Nullable String fallback) {
		List<String> values = query.parameters().get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : fallback;
	}

	private Publisher<Void> send(HttpServerResponse response, int status, Object body) {
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendByteArray(Mono.just(this.json.writeValueAsBytes(body)));
	}

}
