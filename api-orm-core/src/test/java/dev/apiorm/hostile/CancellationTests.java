package dev.apiorm.hostile;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.apiorm.ApiOrm;
import dev.apiorm.ReactiveQuerySet;
import dev.apiorm.core.ApiClientSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of listings cancelled at random points of their exchange, against a server
 * whose answers stall half way: every connection comes back. Each call is cancelled by
 * {@code dispose()}, by a {@code timeout} operator or by interrupting a blocking caller,
 * at a moment chosen from the server's side (right after it read the request, wrote part
 * of the headers, all of them, or part of the body, or answered 503 and the client waits
 * its backoff), a random few microseconds later, or before the request is written. Then
 * no connection whose answer stalled is left open, the pool has no active connection and
 * no more idle ones than its bounds, every connection the server holds open is an idle
 * one of the pool, and the pool serves the next requests on connections that work.
 */
class CancellationTests {

	private static final int CALLS = 3000;

	private static final int IN_FLIGHT = 48;

	private static final int MAX_CONNECTIONS = 32;

	private static final int MAX_IDLE_CONNECTIONS = 8;

	/** Where a call is cancelled: the answer it gets, and the step after which. */
	enum Point {

		BEFORE_WRITE("stall-before-answer", null),
		AWAITING_HEADERS("stall-before-answer", StallingServer.Step.REQUEST_READ),
		IN_HEADERS("stall-in-headers", StallingServer.Step.HEADERS_PARTLY_WRITTEN),
		AFTER_HEADERS("stall-in-body", StallingServer.Step.HEADERS_WRITTEN),
		IN_BODY("stall-in-body", StallingServer.Step.BODY_PARTLY_WRITTEN),
		IN_BACKOFF("unavailable", StallingServer.Step.ANSWERED),
		/** Up to 100 ms after the headers: while a slow filter holds the response. */
		IN_HANDOVER("stall-in-body", StallingServer.Step.HEADERS_WRITTEN);

		/** The points of the random test, in a client without filters of its own. */
		static final List<Point> RANDOM = List.copyOf(EnumSet.range(BEFORE_WRITE, IN_BACKOFF));

		final String fault;

		final StallingServer.@Nullable Step step;

		Point(String fault, StallingServer.@Nullable Step step) {
			this.fault = fault;
			this.step = step;
		}

	}

	/** How a call is cancelled. */
	enum Style {

		DISPOSE, TIMEOUT_OPERATOR, INTERRUPT

	}

	private final AtomicReferenceArray<Point> points = new AtomicReferenceArray<>(CALLS);

	/** How each call is cancelled, set before the call starts. */
	private final AtomicReferenceArray<Runnable> cancels = new AtomicReferenceArray<>(CALLS);

	private final AtomicLongArray cancelledAt = new AtomicLongArray(CALLS);

	private final AtomicLongArray endedAt = new AtomicLongArray(CALLS);

	private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

	@Test
	void everyCancelledCallGivesItsConnectionBack() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ExecutorService blockingCallers = Executors.newCachedThreadPool();
		Metrics.globalRegistry.add(meters);
		try (StallingServer server = new StallingServer(this::stepTaken);
				ApiOrm orm = ApiOrm.builder()
					.baseUrl(server.baseUrl())
					.timeout(Duration.ofSeconds(5))
					.pool(new ApiClientSettings.Pool(MAX_CONNECTIONS, MAX_IDLE_CONNECTIONS, Duration.ofSeconds(2),
							Duration.ofSeconds(5), -1, true))
					.retry(new ApiClientSettings.Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(1),
							Duration.ofSeconds(1), Set.of("GET"), null))
					.build()) {
			Semaphore inFlight = new Semaphore(IN_FLIGHT);
			CountDownLatch ended = new CountDownLatch(CALLS);
			ThreadLocalRandom random = ThreadLocalRandom.current();
			for (int call = 0; call < CALLS; call++) {
				this.points.set(call, Point.RANDOM.get(random.nextInt(Point.RANDOM.size())));
				Style style = Style.values()[random.nextInt(Style.values().length)];
				inFlight.acquire();
				int started = call;
				start(orm, blockingCallers, call, style, () -> {
					this.endedAt.set(started, System.nanoTime());
					inFlight.release();
					ended.countDown();
				});
				if (this.points.get(call) == Point.BEFORE_WRITE) {
					spin(random.nextLong(500_000));
					cancel(call);
				}
			}
			// Every call ends by its cancellation, at once: no answer ends by itself.
			assertThat(ended.await(30, TimeUnit.SECONDS)).as("all calls ended").isTrue();
			assertThat(this.unexpected).as("outcomes other than the cancellation").isEmpty();
			for (int call = 0; call < CALLS; call++) {
				assertThat(this.cancelledAt.get(call)).as("call %d cancelled", call).isNotZero();
				assertThat(Duration.ofNanos(this.endedAt.get(call) - this.cancelledAt.get(call)))
					.as("from the cancellation of call %d to its end", call)
					.isLessThan(Duration.ofSeconds(2));
			}

			// No connection whose answer stalled stays open, nor any active one: they
			// are closed at once, long before the 5 s timeout of an attempt.
			Gauge active = gauge(meters, "active");
			Gauge idle = gauge(meters, "idle");
			Gauge total = gauge(meters, "total");
			awaitWithin(Duration.ofSeconds(2), () -> server.stalled() == 0 && active.value() == 0,
					() -> "stalled connections still open: " + server.stalled() + " of " + server.accepted()
							+ " accepted; active in the pool: " + active.value());

			// Each call's request reached the server once at most, and exactly once when
			// the server's step cancelled it: a cancelled call is not retried.
			for (int call = 0; call < CALLS; call++) {
				int requests = server.requests(call);
				if (this.points.get(call) == Point.BEFORE_WRITE) {
					assertThat(requests).as("requests of call %d", call).isLessThanOrEqualTo(1);
				}
				else {
					assertThat(requests).as("requests of call %d (%s)", call, this.points.get(call)).isEqualTo(1);
				}
			}

			// The pool serves the next requests, each on a connection that works.
			List<Integer> sizes = Flux.range(0, MAX_CONNECTIONS)
				.flatMap((i) -> orm.reactiveRepository(Account.class).filter("fault", "none").list().map(List::size),
						MAX_CONNECTIONS)
				.collectList()
				.block(Duration.ofSeconds(5));
			assertThat(sizes).hasSize(MAX_CONNECTIONS).containsOnly(2);
			assertThat(server.requestsOnStalled()).as("requests sent on a connection whose answer stalled").isZero();
			// No call opened more than one connection, and these requests no more than
			// the pool holds.
			int accepted = server.accepted();
			assertThat(accepted).isLessThanOrEqualTo(CALLS + MAX_CONNECTIONS);
			// The connections they leave idle are used again.
			for (int i = 0; i < 4; i++) {
				assertThat(orm.repository(Account.class).filter("fault", "none").list()).hasSize(2);
			}
			assertThat(server.accepted()).isEqualTo(accepted);

			// The idle connections come back within their bound, and every connection
			// the server still holds is one of them: none is lost to the pool.
			awaitWithin(Duration.ofSeconds(4),
					() -> idle.value() <= MAX_IDLE_CONNECTIONS && active.value() == 0 && total.value() == idle.value()
							&& server.open() == (int) idle.value(),
					() -> "pool: " + active.value() + " active, " + idle.value() + " idle, " + total.value()
							+ " total; open on the server: " + server.open());
		}
		finally {
			blockingCallers.shutdownNow();
			Metrics.globalRegistry.remove(meters);
		}
	}

	/**
	 * A response that reaches the caller a while after its headers arrived, as it does
	 * through a filter that hands it to another thread, only longer: a call cancelled in
	 * between, when its headers are in and its body is not yet read, closes its
	 * connection. Spring's connector drains such a body instead, and a server that stalls
	 * never lets the drain end.
	 */
	@Test
	void aCallCancelledBetweenItsHeadersAndItsBodyClosesItsConnection() throws Exception {
		int calls = 24;
		CountDownLatch ended = new CountDownLatch(calls);
		try (StallingServer server = new StallingServer(this::stepTaken);
				ApiOrm orm = ApiOrm.builder()
					.baseUrl(server.baseUrl())
					.timeout(Duration.ofSeconds(5))
					.pool(new ApiClientSettings.Pool(MAX_CONNECTIONS, MAX_IDLE_CONNECTIONS, Duration.ofSeconds(2),
							Duration.ofSeconds(5), -1, false))
					.retry(new ApiClientSettings.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Set.of(), null))
					.clientCustomizer((name, builder) -> builder
						.filter((request, next) -> next.exchange(request).delayElement(Duration.ofMillis(200))))
					.build()) {
			for (int call = 0; call < calls; call++) {
				// Cancelled a few microseconds after the server wrote the headers, or a
				// few
				// milliseconds: within the 200 ms the response takes to reach the caller.
				this.points.set(call, (call % 2 == 0) ? Point.AFTER_HEADERS : Point.IN_HANDOVER);
				start(orm, null, call, Style.DISPOSE, ended::countDown);
			}
			assertThat(ended.await(10, TimeUnit.SECONDS)).as("all calls ended").isTrue();
			assertThat(this.unexpected).as("outcomes other than the cancellation").isEmpty();
			awaitWithin(Duration.ofSeconds(2), () -> server.stalled() == 0,
					() -> "stalled connections still open: " + server.stalled() + " of " + server.accepted());
			assertThat(server.requests()).isEqualTo(calls);
			assertThat(server.accepted()).isEqualTo(calls);
			// The pool serves the next requests, on one new connection used again.
			for (int i = 0; i < 3; i++) {
				assertThat(orm.repository(Account.class).filter("fault", "none").list()).extracting(Account::name)
					.containsExactly("U1", "U2");
			}
			assertThat(server.accepted()).isEqualTo(calls + 1);
			assertThat(server.requestsOnStalled()).isZero();
		}
	}

	private void start(ApiOrm orm, @Nullable ExecutorService blockingCallers, int call, Style style, Runnable onEnd) {
		Point point = this.points.get(call);
		switch (style) {
			case DISPOSE -> {
				Disposable.Swap subscription = Disposables.swap();
				this.cancels.set(call, subscription::dispose);
				subscription.update(listing(orm, call, point).flux()
					.doFinally((signal) -> onEnd.run())
					.subscribe((record) -> this.unexpected.add(call + ": a record"),
							(failure) -> this.unexpected.add(call + ": " + failure)));
			}
			case TIMEOUT_OPERATOR -> {
				Sinks.One<Boolean> trigger = Sinks.one();
				this.cancels.set(call, () -> trigger.tryEmitValue(true));
				listing(orm, call, point).flux()
					.timeout(trigger.asMono())
					.doFinally((signal) -> onEnd.run())
					.subscribe((record) -> this.unexpected.add(call + ": a record"), (failure) -> {
						if (!(failure instanceof TimeoutException)) {
							this.unexpected.add(call + ": " + failure);
						}
					}, () -> this.unexpected.add(call + ": completed"));
			}
			case INTERRUPT -> {
				Interruptible caller = new Interruptible();
				this.cancels.set(call, caller::interrupt);
				Objects.requireNonNull(blockingCallers).execute(() -> {
					caller.enter();
					try {
						orm.repository(Account.class).filter("fault", point.fault).filter("call", call).list();
						this.unexpected.add(call + ": a list");
					}
					catch (RuntimeException ex) {
						if (!(ex.getCause() instanceof InterruptedException)) {
							this.unexpected.add(call + ": " + ex);
						}
					}
					finally {
						caller.exit();
						onEnd.run();
					}
				});
			}
		}
	}

	private static ReactiveQuerySet<Account> listing(ApiOrm orm, int call, Point point) {
		return orm.reactiveRepository(Account.class).filter("fault", point.fault).filter("call", call);
	}

	/**
	 * Cancels a call when the server took the step it is to be cancelled after: a random
	 * few microseconds later, so that the cancellation meets the client at each stage of
	 * reading what was written, or within the backoff before a retry.
	 */
	private void stepTaken(int call, StallingServer.Step step) {
		Point point = this.points.get(call);
		if (point.step != step) {
			return;
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (point == Point.IN_BACKOFF || point == Point.IN_HANDOVER) {
			// The backoff lasts 500 to 1000 ms, the handover 200 ms.
			try {
				Thread.sleep(random.nextLong(100));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		else {
			spin(random.nextLong(300_000));
		}
		cancel(call);
	}

	private void cancel(int call) {
		this.cancelledAt.set(call, System.nanoTime());
		this.cancels.get(call).run();
	}

	private static void spin(long nanos) {
		long until = System.nanoTime() + nanos;
		while (System.nanoTime() < until) {
			Thread.onSpinWait();
		}
	}

	private static Gauge gauge(SimpleMeterRegistry meters, String state) {
		Collection<Gauge> gauges = meters.find("reactor.netty.connection.provider." + state + ".connections")
			.tag("name", "api-orm-default")
			.gauges();
		assertThat(gauges).as(state + " connections gauge").hasSize(1);
		return gauges.iterator().next();
	}

	private static void awaitWithin(Duration limit, BooleanSupplier condition, Supplier<String> state)
			throws InterruptedException {
		long until = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("within %s: %s", limit, state.get()).isLessThan(until);
			Thread.sleep(20);
		}
	}

	/**
	 * A blocking call on a pooled thread, interrupted when cancelled, whether it has
	 * started yet or not; the thread goes back to the pool without the interrupt.
	 */
	private static final class Interruptible {

		private @Nullable Thread thread;

		private boolean interrupted;

		synchronized void enter() {
			this.thread = Thread.currentThread();
			if (this.interrupted) {
				this.thread.interrupt();
			}
		}

		synchronized void interrupt() {
			this.interrupted = true;
			if (this.thread != null) {
				this.thread.interrupt();
			}
		}

		synchronized void exit() {
			this.thread = null;
			Thread.interrupted();
		}

	}

}
