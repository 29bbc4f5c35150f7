package dev.apiorm.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Bounds the requests in flight on one client: callers beyond the limit wait for a permit
 * (in order), they do not fail.
 */
abstract class ConcurrencyLimiter {

	private static final ConcurrencyLimiter UNLIMITED = new ConcurrencyLimiter() {
		@Override
		<V> Mono<V> limit(Mono<V> call) {
			return call;
		}
	};

	static ConcurrencyLimiter of(@Nullable Integer maxConcurrency) {
		return (maxConcurrency != null) ? new Bounded(maxConcurrency) : UNLIMITED;
	}

	abstract <V> Mono<V> limit(Mono<V> call);

	private static final class Bounded extends ConcurrencyLimiter {

		private final AtomicInteger available;

		private final ConcurrentLinkedQueue<Sinks.One<Boolean>> waiting = new ConcurrentLinkedQueue<>();

		Bounded(int permits) {
			this.available = new AtomicInteger(permits);
		}

		@Override
		<V> Mono<V> limit(Mono<V> call) {
			return Mono.defer(() -> {
				// The permit goes back before the result reaches the caller: a caller
				// that
				// sends its next request from the callback then finds a free permit
				// instead
				// of queueing behind its own previous request.
				AtomicBoolean held = new AtomicBoolean(true);
				Runnable giveBack = () -> {
					if (held.compareAndSet(true, false)) {
						release();
					}
				};
				return acquire().then(Mono.defer(() -> call).doOnEach((signal) -> {
					if (!signal.isOnSubscribe()) {
						giveBack.run();
					}
				}).doFinally((signal) -> giveBack.run()));
			});
		}

		private Mono<Boolean> acquire() {
			while (true) {
				int current = this.available.get();
				if (current > 0) {
					if (this.available.compareAndSet(current, current - 1)) {
						return Mono.just(Boolean.TRUE);
					}
				}
				else {
					Sinks.One<Boolean> permit = Sinks.one();
					this.waiting.add(permit);
					// A release may have happened between the check and the enqueue.
					if (this.available.get() > 0 && this.waiting.remove(permit)) {
						continue;
					}
					return permit.asMono().doOnCancel(() -> {
						if (!this.waiting.remove(permit)) {
							release();
						}
					});
				}
			}
		}

		private void release() {
			Sinks.One<Boolean> next = this.waiting.poll();
			if (next != null) {
				next.tryEmitValue(Boolean.TRUE);
			}
			else {
				this.available.incrementAndGet();
			}
		}

	}

}
