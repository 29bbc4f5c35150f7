package dev.apiorm.reactive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.TooManyRequestsException;
import dev.apiorm.fixtures.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code api-orm.rate-limit.*}: callers beyond the budget wait for a permit and succeed,
 * the server never sees more than the budget, a wait past the deadline fails at once
 * without a request, and the server's own signals pause the budget.
 */
class RateLimitTests {

	/** Arrival times at the server, in {@link System#nanoTime()}'s scale. */
	private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private DisposableServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void callersBeyondTheBudgetWaitAndTheServerSeesNoMoreThanIt() {
		serve((n, response) -> ok(response));
		try (ApiOrm orm = builder().rateLimit(5, Duration.ofSeconds(1)).build()) {
			// A cold client (class loading, the first connection, the first waits)
			// delays its first requests after their permits, and those behind them
			// bunch up: warm it, waits included.
			for (int id = 1; id <= 3; id++) {
				orm.repository(User.class).get(id);
			}
			this.arrivals.clear();
			List<User> users = Flux.range(1, 12)
				.flatMap((id) -> orm.reactiveRepository(User.class).get(id), 12)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(users).hasSize(12);
		}
		List<Long> times = new ArrayList<>(this.arrivals);
		times.sort(null);
		// 5 per second, a burst of 1: a permit every 200 ms, so 5 in any window of the
		// period. The window is shortened by 100 ms, what a request may take from its
		// permit to the server on a busy machine.
		assertThat(mostWithin(times, Duration.ofMillis(900))).as(() -> offsets(times)).isEqualTo(5);
		assertThat(Duration.ofNanos(times.get(11) - times.get(0))).as(() -> offsets(times))
			.isGreaterThan(Duration.ofMillis(2100));
		assertThat(this.meters.get("api.orm.rate-limit.wait").tag("client", "default").timer().count()).isEqualTo(15);
	}

	@Test
	void aWaitPastTheDeadlineFailsAtOnceWithoutARequestAndIsNotRetried() {
		serve((n, response) -> ok(response));
		try (ApiOrm orm = builder().rateLimit(1, Duration.ofSeconds(30)).deadline(Duration.ofSeconds(2)).build()) {
			assertThat(orm.repository(User.class).get(1).getId()).isEqualTo(1L);
			long start = System.nanoTime();
			assertThatExceptionOfType(ApiTimeoutException.class).isThrownBy(() -> orm.repository(User.class).get(2))
				.withMessageContaining("rate budget")
				.withMessageContaining("api-orm.rate-limit.*")
				.satisfies((failure) -> assertThat(failure.attempts()).isEqualTo(1))
				.satisfies((failure) -> assertThat(failure.timeout()).isEqualTo(Duration.ofSeconds(2)));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
		assertThat(this.arrivals).hasSize(1);
		assertThat(this.meters.get("api.orm.rate-limit.refused").counter().count()).isEqualTo(1);
	}

	@Test
	void aTooManyRequestsWithRetryAfterPausesTheBudgetForTheNextCaller() {
		AtomicLong answered429 = new AtomicLong();
		serve((n, response) -> {
			if (n == 1) {
				answered429.set(System.nanoTime());
				return response.status(429).header("Retry-After", "1").send();
			}
			return ok(response);
		});
		try (ApiOrm orm = builder().rateLimit(50, Duration.ofSeconds(1))
			.options((options) -> options.withRateLimit(options.rateLimit().withBurst(10)))
			.retry(ApiClientSettings.Retry.DEFAULTS.withMaxAttempts(1))
			.build()) {
			assertThatExceptionOfType(TooManyRequestsException.class)
				.isThrownBy(() -> orm.repository(User.class).get(1));
			assertThat(orm.repository(User.class).get(2).getId()).isEqualTo(2L);
		}
		List<Long> times = new ArrayList<>(this.arrivals);
		assertThat(times).hasSize(2);
		// Without the pause, the burst of 10 would have let it go at once.
		assertThat(Duration.ofNanos(times.get(1) - answered429.get())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(this.meters.get("api.orm.rate-limit.pauses").counter().count()).isEqualTo(1);
	}

	@Test
	void rateLimitHeadersSayingNothingIsLeftPauseTheBudget() {
		AtomicLong answeredSpent = new AtomicLong();
		serve((n, response) -> {
			if (n == 1) {
				answeredSpent.set(System.nanoTime());
				return ok(response.header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset", "1"));
			}
			return ok(response.header("X-RateLimit-Remaining", "59").header("X-RateLimit-Reset", "1"));
		});
		try (ApiOrm orm = builder().rateLimit(50, Duration.ofSeconds(1))
			.options((options) -> options.withRateLimit(options.rateLimit().withBurst(10)))
			.build()) {
			orm.repository(User.class).get(1);
			orm.repository(User.class).get(2);
			orm.repository(User.class).get(3);
		}
		List<Long> times = new ArrayList<>(this.arrivals);
		assertThat(times).hasSize(3);
		assertThat(Duration.ofNanos(times.get(1) - answeredSpent.get())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		// Requests left: no pause before the third.
		assertThat(Duration.ofNanos(times.get(2) - times.get(1))).isLessThan(Duration.ofMillis(900));
	}

	private dev.apiorm.ApiOrmBuilder builder() {
		return ApiOrm.builder().baseUrl("http://127.0.0.1:" + this.server.port()).meterRegistry(this.meters);
	}

	private void serve(Handler handler) {
		AtomicInteger count = new AtomicInteger();
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.arrivals.add(System.nanoTime());
			String id = request.uri().replaceAll("^.*/(\\d+)/$", "$1");
			return handler.answer(count.incrementAndGet(), response.header("X-Id", id));
		}).bindNow();
	}

	private static Mono<Void> ok(HttpServerResponse response) {
		String id = response.responseHeaders().get("X-Id");
		return response.header("Content-Type", "application/json")
			.sendString(Mono.just("{\"id\":" + id + ",\"name\":\"U" + id + "\"}"))
			.then();
	}

	private static String offsets(List<Long> sorted) {
		return sorted.stream().map((time) -> (time - sorted.get(0)) / 1_000_000 + " ms").toList().toString();
	}

	/** The most arrivals within any window of the given length. */
	private static int mostWithin(List<Long> sorted, Duration window) {
		int most = 0;
		int first = 0;
		for (int last = 0; last < sorted.size(); last++) {
			while (sorted.get(last) - sorted.get(first) >= window.toNanos()) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	@FunctionalInterface
	private interface Handler {

		Mono<Void> answer(int n, HttpServerResponse response);

	}

}
