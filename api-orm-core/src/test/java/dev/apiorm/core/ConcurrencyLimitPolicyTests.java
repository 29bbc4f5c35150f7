package dev.apiorm.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A permit goes back exactly once however its call ends: completed, failed, cancelled
 * while it waited, or cancelled during its call; and the waiting start in order.
 */
class ConcurrencyLimitPolicyTests {

	private final ConcurrencyLimitPolicy limit = new ConcurrencyLimitPolicy(2);

	/** A call that runs until its sink is completed, and says whether it started. */
	private static final class Call {

		final Sinks.One<String> outcome = Sinks.one();

		final AtomicBoolean started = new AtomicBoolean();

		Mono<String> mono() {
			return this.outcome.asMono().doOnSubscribe((subscription) -> this.started.set(true));
		}

	}

	@Test
	void callsBeyondTheLimitWaitAndStartInTheOrderTheyCame() {
		List<Call> calls = List.of(new Call(), new Call(), new Call(), new Call());
		List<String> results = new ArrayList<>();
		calls.forEach((call) -> this.limit.limit(call.mono()).subscribe(results::add, (error) -> results.add("error")));
		assertThat(calls).extracting((call) -> call.started.get()).containsExactly(true, true, false, false);
		calls.get(1).outcome.tryEmitValue("b");
		assertThat(calls).extracting((call) -> call.started.get()).containsExactly(true, true, true, false);
		calls.get(0).outcome.tryEmitError(new IllegalStateException("a failed"));
		assertThat(calls.get(3).started).isTrue();
		calls.get(2).outcome.tryEmitValue("c");
		calls.get(3).outcome.tryEmitValue("d");
		assertThat(results).containsExactly("b", "error", "c", "d");
		assertThat(this.limit.available()).isEqualTo(2);
	}

	@Test
	void aCallCancelledWhileItWaitedNeverStartsAndTakesNoPermit() {
		Call first = new Call();
		Call second = new Call();
		Call waiting = new Call();
		this.limit.limit(first.mono()).subscribe();
		this.limit.limit(second.mono()).subscribe();
		Disposable cancelled = this.limit.limit(waiting.mono()).subscribe();
		cancelled.dispose();
		first.outcome.tryEmitValue("a");
		second.outcome.tryEmitValue("b");
		assertThat(waiting.started).isFalse();
		assertThat(this.limit.available()).isEqualTo(2);
	}

	@Test
	void aCallCancelledDuringItsRequestGivesItsPermitBack() {
		Call first = new Call();
		Call next = new Call();
		Disposable running = this.limit.limit(first.mono()).subscribe();
		this.limit.limit(new Call().mono()).subscribe();
		this.limit.limit(next.mono()).subscribe();
		assertThat(next.started).isFalse();
		running.dispose();
		assertThat(next.started).isTrue();
		assertThat(this.limit.available()).isZero();
	}

	@Test
	void aFailedCallGivesItsPermitBackBeforeItsCallerHearsOfIt() {
		AtomicInteger availableWhenTold = new AtomicInteger(-1);
		this.limit.limit(Mono.error(new IllegalStateException("refused")))
			.subscribe(null, (error) -> availableWhenTold.set(this.limit.available()));
		assertThat(availableWhenTold).hasValue(2);
		this.limit.limit(Mono.just("ok")).subscribe((value) -> availableWhenTold.set(this.limit.available()));
		assertThat(availableWhenTold).hasValue(2);
	}

	@Test
	void aCallThatThrowsWhenSubscribedGivesItsPermitBack() {
		Mono<String> throwing = Mono.defer(() -> {
			throw new IllegalStateException("no");
		});
		assertThat(this.limit.limit(throwing).onErrorReturn("failed").block()).isEqualTo("failed");
		assertThat(this.limit.available()).isEqualTo(2);
	}

	@Test
	void asAPolicyItLimitsTheRestOfThePipeline() {
		ExchangeRequest request = ExchangeRequest
			.builder(new ApiMappingContext().getRequiredEntity(User.class), "get", HttpMethod.GET,
					URI.create("http://api.test/users/1/"))
			.build();
		Sinks.One<ExchangeResponse> response = Sinks.one();
		AtomicInteger sent = new AtomicInteger();
		this.limit.apply(request, (r) -> response.asMono().doOnSubscribe((s) -> sent.incrementAndGet())).subscribe();
		this.limit.apply(request, (r) -> response.asMono().doOnSubscribe((s) -> sent.incrementAndGet())).subscribe();
		this.limit.apply(request, (r) -> response.asMono().doOnSubscribe((s) -> sent.incrementAndGet())).subscribe();
		assertThat(sent).hasValue(2);
		response.tryEmitValue(ExchangeResponse.of(200, new HttpHeaders(), null));
		assertThat(sent).hasValue(3);
		assertThat(this.limit.available()).isEqualTo(2);
	}

	/**
	 * The narrowest race, aligned on a barrier many times: the call holding the only
	 * permit completes (granting it to the waiting call) on one thread while the waiting
	 * call is cancelled on another.
	 */
	@Test
	void aWaiterCancelledAsItIsGrantedThePermitGivesItBackOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5_000; round++) {
				ConcurrencyLimitPolicy limit = new ConcurrencyLimitPolicy(1);
				Call holder = new Call();
				limit.limit(holder.mono()).subscribe();
				Disposable waiter = limit.limit(Mono.never()).subscribe();
				CyclicBarrier start = new CyclicBarrier(2);
				Future<?> complete = threads.submit(() -> {
					start.await();
					return holder.outcome.tryEmitValue("done");
				});
				Future<?> cancel = threads.submit(() -> {
					start.await();
					waiter.dispose();
					return null;
				});
				complete.get(5, TimeUnit.SECONDS);
				cancel.get(5, TimeUnit.SECONDS);
				assertThat(limit.available()).as("permits free after round %d", round).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * A permit given back just as another call queues for it, aligned on a barrier many
	 * times: the queued call must start, never wait beside a free permit.
	 */
	@Test
	void aCallQueuedAsThePermitIsGivenBackStarts() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5_000; round++) {
				ConcurrencyLimitPolicy limit = new ConcurrencyLimitPolicy(1);
				Call holder = new Call();
				Call next = new Call();
				limit.limit(holder.mono()).subscribe();
				CyclicBarrier start = new CyclicBarrier(2);
				Future<?> complete = threads.submit(() -> {
					start.await();
					return holder.outcome.tryEmitValue("done");
				});
				Future<?> queue = threads.submit(() -> {
					start.await();
					return limit.limit(next.mono()).subscribe();
				});
				complete.get(5, TimeUnit.SECONDS);
				queue.get(5, TimeUnit.SECONDS);
				assertThat(next.started).as("the next call started in round %d", round).isTrue();
				assertThat(limit.available()).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * Thousands of calls, cancelled from other threads at random moments (while waiting,
	 * as their permit is granted, during the call, as it completes): afterwards exactly
	 * the limit's permits are free, no fewer (a leak) and no more (a double release).
	 */
	@Test
	void cancelsRacingGrantsAndCompletionsNeitherLeakNorDoublePermits() throws Exception {
		ConcurrencyLimitPolicy limit = new ConcurrencyLimitPolicy(3);
		int calls = 20_000;
		CountDownLatch settled = new CountDownLatch(calls);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			for (int i = 0; i < calls; i++) {
				threads.execute(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					Mono<String> call = switch (random.nextInt(3)) {
						case 0 -> Mono.just("now");
						case 1 -> Mono.fromCallable(() -> "later").subscribeOn(Schedulers.parallel());
						default -> Mono.never();
					};
					Disposable subscription = limit.limit(call)
						.doFinally((signal) -> settled.countDown())
						.subscribe(null, (error) -> {
						});
					for (int spin = random.nextInt(200); spin > 0; spin--) {
						Thread.onSpinWait();
					}
					subscription.dispose();
				});
			}
			assertThat(settled.await(30, TimeUnit.SECONDS)).as("every call settled").isTrue();
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(limit.available()).isEqualTo(3);
		List<Call> after = List.of(new Call(), new Call(), new Call(), new Call());
		after.forEach((call) -> limit.limit(call.mono()).subscribe());
		assertThat(after).extracting((call) -> call.started.get()).containsExactly(true, true, true, false);
		after.get(0).outcome.tryEmitValue("done");
		assertThat(after.get(3).started).isTrue();
		assertThat(limit.available()).isZero();
	}

}
