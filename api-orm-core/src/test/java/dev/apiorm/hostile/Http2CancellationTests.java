package dev.apiorm.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientSettings;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP/2, a call cancelled at a random moment, before its headers or while a filter
 * holds its response, resets its stream and leaves the connection to the other streams:
 * against a server whose bodies stall, no stream stays open, and the next request goes
 * out on a connection already there.
 */
class Http2CancellationTests {

	private static final String PAGE_START = "{\"count\":2,\"next\":null,\"results\":[{\"id\":\"1\",\"name\":\"U1\"},";

	@Test
	void aCancelledCallResetsItsStream() throws Exception {
		AtomicInteger connections = new AtomicInteger();
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger openStreams = new AtomicInteger();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(HttpProtocol.H2C)
			.doOnChannelInit((observer, channel, remoteAddress) -> connections.incrementAndGet())
			.handle((request, response) -> {
				if (request.uri().contains("fault=none")) {
					return response.header("Content-Type", "application/json")
						.sendString(Mono.just(PAGE_START + "{\"id\":\"2\",\"name\":\"U2\"}]}"));
				}
				requests.incrementAndGet();
				openStreams.incrementAndGet();
				request.withConnection((stream) -> stream.onDispose(openStreams::decrementAndGet));
				// The headers and the first record, then nothing.
				return response.header("Content-Type", "application/json")
					.header("Content-Length", "1000")
					.sendString(Flux.just(PAGE_START).concatWith(Flux.never()));
			})
			.bindNow();
		int calls = 40;
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl("http://127.0.0.1:" + server.port())
			.http2(true)
			.timeout(Duration.ofSeconds(5))
			.retry(new ApiClientSettings.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Set.of(), null))
			.clientCustomizer((name, builder) -> builder
				.filter((request, next) -> next.exchange(request).delayElement(Duration.ofMillis(200))))
			.build()) {
			// The connections are up before the first cancellation.
			assertThat(Flux.range(0, 8)
				.flatMap((i) -> orm.reactiveRepository(Account.class).filter("fault", "none").list())
				.collectList()
				.block(Duration.ofSeconds(5))).hasSize(8);
			int opened = connections.get();
			List<Disposable> subscriptions = new ArrayList<>();
			for (int call = 0; call < calls; call++) {
				subscriptions.add(orm.reactiveRepository(Account.class).filter("fault", "stall").flux().subscribe());
			}
			// Cancelled at random within the first 100 ms: before the headers arrive, or
			// while the filter holds the response.
			ThreadLocalRandom random = ThreadLocalRandom.current();
			CountDownLatch cancelled = new CountDownLatch(calls);
			for (Disposable subscription : subscriptions) {
				Mono.delay(Duration.ofMillis(random.nextLong(100))).subscribe((tick) -> {
					subscription.dispose();
					cancelled.countDown();
				});
			}
			assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
			long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (openStreams.get() > 0) {
				assertThat(System.nanoTime())
					.as("streams still open: %d of %d requests", openStreams.get(), requests.get())
					.isLessThan(until);
				Thread.sleep(20);
			}
			assertThat(requests.get()).isLessThanOrEqualTo(calls);
			// Resetting a stream leaves its connection to the others: the next request
			// goes out on a connection that was already there.
			assertThat(
					orm.reactiveRepository(Account.class).filter("fault", "none").list().block(Duration.ofSeconds(5)))
				.extracting(Account::name)
				.containsExactly("U1", "U2");
			assertThat(connections.get()).isEqualTo(opened).isBetween(1, LoopResources.DEFAULT_IO_WORKER_COUNT);
		}
		finally {
			server.disposeNow();
		}
	}

}
