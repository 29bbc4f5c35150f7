package dev.apiorm.instances;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An HTTP server in the test JVM that serves articles with an {@code ETag} that changes
 * with every write: {@code GET /api/v1/articles/<id>/} answers {@code 304} to an
 * {@code If-None-Match} of the current tag, else the record (about 16 KB) with
 * {@code Cache-Control: no-cache} (ids below 100: revalidated before every use) or
 * {@code max-age=60} (ids from 100); {@code PATCH} renames the record. Notes every
 * exchange: method, path, status, body bytes sent and the {@code If-None-Match} received.
 */
final class ArticleServer implements AutoCloseable {

	private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

	private static final String TEXT = "x".repeat(16 * 1024);

	private final Map<String, String[]> records = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

	private final DisposableServer server;

	ArticleServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			String id = request.uri().replaceAll("^.*/(\\d+)/$", "$1");
			if ("PATCH".equals(request.method().name())) {
				return request.receive().aggregate().asString().flatMap((sent) -> {
					Matcher name = NAME.matcher(sent);
					String renamed = name.find() ? name.group(1) : record(id)[0];
					String[] record = this.records.compute(id, (key, old) -> new String[] { renamed,
							String.valueOf((old != null) ? Long.parseLong(old[1]) + 1 : 2) });
					byte[] body = body(id, record);
					this.exchanges.add(new Exchange("PATCH", id, 200, body.length, null));
					return response.header("Content-Type", "application/json")
						.header("ETag", "\"v" + record[1] + "\"")
						.sendByteArray(Mono.just(body))
						.then();
				});
			}
			String[] record = record(id);
			String etag = "\"v" + record[1] + "\"";
			String ifNoneMatch = request.requestHeaders().get("If-None-Match");
			if (etag.equals(ifNoneMatch)) {
				this.exchanges.add(new Exchange("GET", id, 304, 0, ifNoneMatch));
				return response.status(304).header("ETag", etag).send();
			}
			byte[] body = body(id, record);
			this.exchanges.add(new Exchange("GET", id, 200, body.length, ifNoneMatch));
			return response.header("Content-Type", "application/json")
				.header("ETag", etag)
				.header("Cache-Control", (Long.parseLong(id) < 100) ? "no-cache" : "max-age=60")
				.sendByteArray(Mono.just(body))
				.then();
		}).bindNow();
	}

	private String[] record(String id) {
		return this.records.computeIfAbsent(id, (key) -> new String[] { "article " + key, "1" });
	}

	private static byte[] body(String id, String[] record) {
		return ("{\"id\":" + id + ",\"name\":\"" + record[0] + "\",\"text\":\"" + TEXT + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Forgets the exchanges seen so far. */
	void reset() {
		this.exchanges.clear();
	}

	/** The exchanges since the last reset, in the order they were answered. */
	List<Exchange> exchanges() {
		return new ArrayList<>(this.exchanges);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * One exchange as the server saw it.
	 *
	 * @param method the method
	 * @param id the article's id
	 * @param status the status answered
	 * @param bytes the body bytes sent
	 * @param ifNoneMatch the {@code If-None-Match} received, {@code null} for none
	 */
	record Exchange(String method, String id, int status, int bytes, String ifNoneMatch) {

		@Override
		public String toString() {
			return this.method + " " + this.id + " -> " + this.status + " (" + this.bytes + " bytes"
					+ ((this.ifNoneMatch != null) ? ", If-None-Match " + this.ifNoneMatch : "") + ")";
		}

	}

}
