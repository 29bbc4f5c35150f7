package dev.apiorm.reactive;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apiorm.ApiOrm;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code http2(true)} on an http URL, api-orm speaks h2c with prior knowledge and
 * multiplexes concurrent requests over about one connection per event loop: proven
 * against a real HTTP/2 server that counts the TCP connections it accepts.
 */
class Http2MultiplexingTests {

	@Test
	void twoHundredConcurrentGetsShareAboutOneConnectionPerEventLoop() {
		AtomicInteger connections = new AtomicInteger();
		AtomicInteger http2Requests = new AtomicInteger();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(HttpProtocol.H2C)
			.doOnChannelInit((observer, channel, remoteAddress) -> connections.incrementAndGet())
			.route((routes) -> routes.get("/api/v1/users/{id}/", (request, response) -> {
				if ("HTTP/2.0".equals(request.version().text())) {
					http2Requests.incrementAndGet();
				}
				String id = request.param("id");
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"id\":" + id + ",\"name\":\"U" + id + "\"}")
						.delayElement(java.time.Duration.ofMillis(50)));
			}))
			.bindNow();
		try (ApiOrm orm = ApiOrm.builder().baseUrl("http://127.0.0.1:" + server.port()).http2(true).build()) {
			ReactiveApiRepository<User> users = orm.reactiveRepository(User.class);
			List<User> found = Flux.range(1, 200).flatMap((id) -> users.get(id), 200).collectList().block();
			assertThat(found).hasSize(200);
			assertThat(found).allSatisfy((user) -> assertThat(user.getName()).isEqualTo("U" + user.getId()));
			assertThat(found).extracting(User::getId).doesNotHaveDuplicates();
			assertThat(http2Requests.get()).isEqualTo(200);
			// One connection per event loop at the most (so that every loop works), far
			// fewer than one per request.
			assertThat(connections.get()).isBetween(1, LoopResources.DEFAULT_IO_WORKER_COUNT);
		}
		finally {
			server.disposeNow();
		}
	}

}
