package dev.apiorm.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.util.Assert;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;

/**
 * Bounds the requests in flight on one client ({@code max-concurrency}): attempts beyond
 * the limit wait for a permit, in the order they came, instead of failing. Per attempt,
 * so that a retry's backoff holds no permit.
 * <p>
 * A permit goes back exactly once, however its attempt ends: with a response or an error
 * (before the outcome reaches the caller, so a caller that sends its next request from
 * the callback finds a free permit), or cancelled while it waited for a permit, after it
 * got one but before its request started, or during the request.
 */
final class ConcurrencyLimitPolicy implements ExchangePolicy {

	private final AtomicInteger available;

	private final ConcurrentLinkedQueue<Permit> waiting = new ConcurrentLinkedQueue<>();

	ConcurrencyLimitPolicy(int permits) {
		Assert.isTrue(permits > 0, "permits must be positive");
		this.available = new AtomicInteger(permits);
	}

	/**
	 * The limiter of a client.
	 * @param maxConcurrency the requests allowed in flight, {@code null} for no limit
	 * @return the limiter, {@code null} for no limit
	 */
	static @Nullable ConcurrencyLimitPolicy of(@Nullable Integer maxConcurrency) {
		return (maxConcurrency != null) ? new ConcurrencyLimitPolicy(maxConcurrency) : null;
	}

	@Override
	public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
		return limit(Mono.defer(() -> next.exchange(request)));
	}

	/**
	 * Runs a call within the limit: subscribes to it once a permit is held.
	 * @param call the call
	 * @return the call's outcome
	 */
	<V> Mono<V> limit(Mono<V> call) {
		return Mono.defer(() -> {
			Permit permit = new Permit();
			Mono<V> run = call.doOnEach((signal) -> {
				if (!signal.isOnSubscribe()) {
					permit.release();
				}
			});
			Mono<V> limited = acquire(permit) ? run : permit.granted().then(run);
			return limited.doFinally((signal) -> permit.release());
		});
	}

	/**
	 * The permits free now, for tests.
	 */
	int available() {
		return this.available.get();
	}

	/**
	 * Takes a permit at once when one is free and nobody waits, or queues for one.
	 * @return whether the permit is held already
	 */
	private boolean acquire(Permit permit) {
		if (this.waiting.isEmpty() && take()) {
			permit.set(Permit.HELD);
			return true;
		}
		permit.waitForGrant();
		this.waiting.add(permit);
		// A permit freed before this one queued would find nobody to go to.
		dispatch();
		return false;
	}

	private boolean take() {
		while (true) {
			int current = this.available.get();
			if (current <= 0) {
				return false;
			}
			if (this.available.compareAndSet(current, current - 1)) {
				return true;
			}
		}
	}

	private void giveBack() {
		this.available.incrementAndGet();
		dispatch();
	}

	/**
	 * Hands free permits to the waiting, first come first served. Called after every
	 * change of either side (a permit freed, a waiter queued), so that a free permit and
	 * a live waiter never stay apart.
	 */
	private void dispatch() {
		while (!this.waiting.isEmpty() && take()) {
			Permit next;
			boolean granted = false;
			while (!granted && (next = this.waiting.poll()) != null) {
				granted = next.grant();
			}
			if (!granted) {
				// Everyone queued had cancelled: the permit is free again.
				this.available.incrementAndGet();
			}
		}
	}

	/**
	 * The permit of one attempt: waiting, held, or released (given back, or cancelled
	 * before it was granted), each change made once.
	 */
	@SuppressWarnings("serial")
	private final class Permit extends AtomicInteger {

		static final int WAITING = 0;

		static final int HELD = 1;

		static final int RELEASED = 2;

		private Sinks.@Nullable Empty<Void> granted;

		void waitForGrant() {
			this.granted = Sinks.empty();
		}

		Mono<Void> granted() {
			Sinks.Empty<Void> sink = this.granted;
			Assert.state(sink != null, "not waiting");
			return sink.asMono();
		}

		boolean grant() {
			if (compareAndSet(WAITING, HELD)) {
				Sinks.Empty<Void> sink = this.granted;
				if (sink != null) {
					sink.tryEmitEmpty();
				}
				return true;
			}
			return false;
		}

		void release() {
			while (true) {
				int state = get();
				if (state == RELEASED) {
					return;
				}
				if (compareAndSet(state, RELEASED)) {
					if (state == HELD) {
						giveBack();
					}
					else {
						ConcurrencyLimitPolicy.this.waiting.remove(this);
					}
					return;
				}
			}
		}

	}

}
