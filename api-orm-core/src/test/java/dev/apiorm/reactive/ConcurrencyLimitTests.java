package dev.apiorm.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apiorm.ApiOrm;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code maxConcurrency} bounds the requests in flight on a client; callers beyond it
 * wait for a permit and succeed, they do not fail.
 */
class ConcurrencyLimitTests {

	@Test
	void requestsBeyondTheLimitWaitAndAllSucceed() {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			// The id is the last segment of /api/v1/users/<id>/.
			String id = request.uri().replaceAll("^.*/(\\d+)/$", "$1");
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"id\":" + id + ",\"name\":\"U" + id + "\"}")
					.delayElement(Duration.ofMillis(100))
					.doOnNext((body) -> inFlight.decrementAndGet()));
		}).bindNow();
		try (ApiOrm orm = ApiOrm.builder().baseUrl("http://127.0.0.1:" + server.port()).maxConcurrency(3).build()) {
			List<User> users = Flux.range(1, 12)
				.flatMap((id) -> orm.reactiveRepository(User.class).get(id), 12)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(users).hasSize(12);
			assertThat(peak.get()).isEqualTo(3);
		}
		finally {
			server.disposeNow();
		}
	}

}
