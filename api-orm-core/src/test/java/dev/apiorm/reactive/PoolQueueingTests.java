package dev.apiorm.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apiorm.ApiOrm;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers beyond the connection pool wait for a connection instead of failing; a capped
 * queue or a pool wait past its timeout fails with an exception that names the pool and
 * its property. Each case checks the outcome, a time bound, what the server saw and that
 * the pool serves a normal request afterwards.
 */
class PoolQueueingTests {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private DisposableServer server;

	private DisposableServer serve(Duration delay) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, remoteAddress) -> this.connections.incrementAndGet())
			.handle((request, response) -> {
				this.requests.incrementAndGet();
				String id = request.uri().replaceAll(".*/users/(\\d+)/.*", "$1");
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"id\":" + id + ",\"name\":\"U" + id + "\"}").delayElement(delay));
			})
			.bindNow();
		return this.server;
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	/**
	 * One attempt per call: a request that failed to get a connection is not retried
	 * here.
	 */
	private ApiOrm orm(ApiClientSettings.Pool pool) {
		return ApiOrm.builder()
			.baseUrl("http://127.0.0.1:" + this.server.port())
			.pool(pool)
			.retry(new ApiClientSettings.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, java.util.Set.of(),
					null))
			.build();
	}

	private static ApiClientSettings.Pool pool(int connections, Duration wait, int maxPending) {
		return new ApiClientSettings.Pool(connections, connections, Duration.ofSeconds(30), wait, maxPending, false);
	}

	private static Flux<Object> burst(ReactiveApiRepository<User> users, int count) {
		return Flux.range(1, count)
			.flatMap((id) -> users.get(id).<Object>map(User::getId).onErrorResume(ApiException.class, Mono::just),
					count);
	}

	@Test
	void tenTimesThePoolInConcurrentCallsAllSucceed() {
		serve(Duration.ofMillis(100));
		try (ApiOrm orm = orm(pool(2, Duration.ofSeconds(10), -1))) {
			long start = System.nanoTime();
			List<Object> outcomes = burst(orm.reactiveRepository(User.class), 20).collectList()
				.block(Duration.ofSeconds(10));
			// Ten rounds of two requests of 100 ms each.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			assertThat(outcomes).hasSize(20).allMatch(Long.class::isInstance);
			assertThat(this.requests.get()).isEqualTo(20);
			assertThat(this.connections.get()).isBetween(1, 2);
			assertThat(orm.repository(User.class).get(99).getName()).isEqualTo("U99");
		}
	}

	@Test
	void threeHundredTwentyConcurrentCallsOnTheDefaultPoolAllSucceed() {
		// Reactor Netty's own default lets 2 x 100 requests wait and fails the rest at
		// once:
		// 20 of these 320 calls failed in 0.1.
		serve(Duration.ofMillis(500));
		try (ApiOrm orm = orm(ApiClientSettings.Pool.DEFAULTS)) {
			List<Object> outcomes = burst(orm.reactiveRepository(User.class), 320).collectList()
				.block(Duration.ofSeconds(20));
			assertThat(outcomes).hasSize(320).allMatch(Long.class::isInstance);
			assertThat(this.requests.get()).isEqualTo(320);
			assertThat(orm.repository(User.class).get(999).getName()).isEqualTo("U999");
		}
	}

	@Test
	void aCappedQueueFailsTheCallsBeyondItAtOnceNamingThePool() {
		serve(Duration.ofMillis(300));
		try (ApiOrm orm = orm(pool(2, Duration.ofSeconds(10), 3))) {
			long start = System.nanoTime();
			List<Object> outcomes = burst(orm.reactiveRepository(User.class), 20).collectList()
				.block(Duration.ofSeconds(10));
			// Two in flight and three waiting are served; the other fifteen fail at once.
			assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(5);
			assertThat(outcomes).filteredOn(ApiException.class::isInstance)
				.hasSize(15)
				.allSatisfy((failure) -> assertThat((Throwable) failure).isInstanceOf(ApiConnectionException.class)
					.hasMessageContaining("the connection pool of client 'default'")
					.hasMessageContaining("api-orm.pool.max-pending-acquires"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			assertThat(this.requests.get()).isEqualTo(5);
			assertThat(orm.repository(User.class).get(99).getName()).isEqualTo("U99");
		}
	}

	@Test
	void aWaitForAConnectionPastItsTimeoutIsATimeoutNamingTheProperty() {
		serve(Duration.ofMillis(800));
		try (ApiOrm orm = orm(pool(1, Duration.ofMillis(200), -1))) {
			long start = System.nanoTime();
			List<Object> outcomes = burst(orm.reactiveRepository(User.class), 2).collectList()
				.block(Duration.ofSeconds(10));
			assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(ApiException.class::isInstance).singleElement().satisfies((failure) -> {
				assertThat(failure).isInstanceOf(ApiTimeoutException.class);
				assertThat(((ApiTimeoutException) failure).timeout()).isEqualTo(Duration.ofMillis(200));
				assertThat(((Throwable) failure).getMessage()).contains("api-orm.pool.pending-acquire-timeout");
			});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
			assertThat(this.requests.get()).isEqualTo(1);
			assertThat(orm.repository(User.class).get(99).getName()).isEqualTo("U99");
		}
	}

}
