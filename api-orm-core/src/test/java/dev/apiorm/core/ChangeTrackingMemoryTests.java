package dev.apiorm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change tracking over a long iteration, against an upstream in the test JVM that serves
 * a million records in pages of a thousand: the records the application drops leave no
 * tracking state behind, while the few it keeps stay tracked through all the collections
 * the iteration caused, and saving one sends only what changed.
 */
class ChangeTrackingMemoryTests {

	private static final int RECORDS = 1_000_000;

	private static final int PAGE = 1_000;

	private final AtomicInteger pages = new AtomicInteger();

	private final List<String> patches = new CopyOnWriteArrayList<>();

	private DisposableServer server;

	@BeforeEach
	void serve() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			response.header("Content-Type", "application/json");
			QueryStringDecoder uri = new QueryStringDecoder(request.uri());
			if (request.method().equals(HttpMethod.PATCH)) {
				// /api/v1/users/{id}/
				String id = uri.path().split("/")[4];
				return response.sendString(request.receive().aggregate().asString().map((body) -> {
					this.patches.add(id + " " + body);
					return user(Integer.parseInt(id)).replace("\"U", "\"Kept U");
				}));
			}
			List<String> offset = uri.parameters().get("offset");
			this.pages.incrementAndGet();
			return response
				.sendString(Mono.fromCallable(() -> page((offset != null) ? Integer.parseInt(offset.get(0)) : 0)));
		}).bindNow();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void aMillionRecordsIteratedAndDroppedLeaveNoTrackingStateBehind() {
		try (ApiOrm orm = ApiOrm.builder().baseUrl("http://127.0.0.1:" + this.server.port()).pageSize(PAGE).build()) {
			ReactiveApiTemplate template = (ReactiveApiTemplate) orm.reactiveTemplate("default");
			ApiRepository<User> users = orm.repository(User.class);
			List<User> kept = new ArrayList<>();
			int[] seen = new int[1];
			users.all().stream().forEach((user) -> {
				seen[0]++;
				if (user.getId() % 100_000 == 0) {
					kept.add(user);
				}
			});
			assertThat(seen[0]).isEqualTo(RECORDS);
			assertThat(this.pages).hasValue(RECORDS / PAGE);
			awaitTracked(template, kept.size());
			assertThat(template.trackedInstances()).isEqualTo(10);

			// Kept through every collection of the iteration: still tracked.
			User kept4 = kept.get(3);
			kept4.setName("Kept U400000");
			assertThat(users.save(kept4)).isSameAs(kept4);
			assertThat(this.patches).containsExactly("400000 {\"name\":\"Kept U400000\"}");

			kept.clear();
			kept4 = null;
			awaitTracked(template, 0);
			assertThat(template.trackedInstances()).isZero();
		}
	}

	private static void awaitTracked(ReactiveApiTemplate template, int expected) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (template.trackedInstances() != expected && System.nanoTime() < deadline) {
			System.gc();
		}
	}

	private String page(int offset) {
		StringBuilder page = new StringBuilder(PAGE * 140).append("{\"count\":").append(RECORDS).append(",\"next\":");
		if (offset + PAGE < RECORDS) {
			page.append("\"http://127.0.0.1:")
				.append(this.server.port())
				.append("/api/v1/users/?limit=")
				.append(PAGE)
				.append("&offset=")
				.append(offset + PAGE)
				.append('"');
		}
		else {
			page.append("null");
		}
		page.append(",\"previous\":null,\"results\":[");
		for (int id = offset + 1; id <= offset + PAGE; id++) {
			page.append((id > offset + 1) ? "," : "").append(user(id));
		}
		return page.append("]}").toString();
	}

	private static String user(int id) {
		return "{\"id\":" + id + ",\"name\":\"U" + id + "\",\"email\":\"u" + id
				+ "@x.io\",\"role\":\"member\",\"age\":30,\"active\":true,\"created_at\":\"2026-01-01\"}";
	}

}
