package dev.apiorm.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three thousand calls, 32 at a time, one in ten of them faulty (resets, connections
 * closed without an answer, 503s and 502 pages): every call ends with a record or an
 * ApiException, none hangs, and when they are done no connection of the pool is still
 * active.
 */
class SoakTests {

	private static final List<String> FAULTS = List.of("reset", "close-without-answer", "html-502", "truncated");

	@Test
	void everyCallEndsAndNoConnectionLeaks() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Metrics.globalRegistry.add(meters);
		try (HostileServer server = new HostileServer();
				ApiOrm orm = ApiOrm.builder()
					.baseUrl(server.baseUrl())
					.timeout(Duration.ofSeconds(2))
					.pool(new ApiClientSettings.Pool(16, 16, Duration.ofSeconds(30), Duration.ofSeconds(10), -1, true))
					.retry(new ApiClientSettings.Retry(2, Duration.ofMillis(5), Duration.ofMillis(20),
							Duration.ofSeconds(1), Set.of("GET"), null))
					.build()) {
			long start = System.nanoTime();
			List<String> outcomes = Flux.range(0, 3000)
				.flatMap((i) -> orm.reactiveRepository(Account.class)
					.get((i % 10 == 0) ? FAULTS.get((i / 10) % FAULTS.size()) : "0")
					.map(Account::name)
					.onErrorResume(ApiException.class, (failure) -> Mono.just(failure.getClass().getSimpleName())), 32)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(outcomes).hasSize(3000);
			assertThat(outcomes.stream().filter("U0"::equals)).hasSize(2700);
			assertThat(outcomes.stream().filter((outcome) -> !outcome.equals("U0"))).hasSize(300)
				.allMatch(
						(outcome) -> outcome.equals("ApiConnectionException") || outcome.equals("BadGatewayException"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
			Gauge active = meters.find("reactor.netty.connection.provider.active.connections")
				.tag("name", "api-orm-default")
				.gauge();
			assertThat(active).isNotNull();
			assertThat(active.value()).isZero();
			assertThat(orm.repository(Account.class).get("0").name()).isEqualTo("U0");
		}
		finally {
			Metrics.globalRegistry.remove(meters);
		}
	}

}
