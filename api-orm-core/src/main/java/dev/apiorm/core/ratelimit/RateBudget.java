package dev.apiorm.core.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The rate budget of a client: permits refilled at a steady rate, one per request. Safe
 * for concurrent use; never blocks the calling thread (it runs on network threads).
 */
public interface RateBudget {

	/**
	 * Takes a permit, waiting for it when none is left, as long as the wait ends within
	 * {@code maxWait}: the permit is reserved at once and the returned {@link Mono}
	 * completes when its time comes. A wait that would be longer takes nothing.
	 * @param maxWait the longest wait the caller accepts
	 * @return {@code true} once the permit is held; {@code false} at once when it could
	 * not be held within {@code maxWait}
	 */
	Mono<Boolean> acquire(Duration maxWait);

	/**
	 * Gives no permit for a while, because the API asked so ({@code Retry-After}, a
	 * {@code RateLimit} header with nothing remaining): permits are next given when the
	 * pause ends, to every instance that shares the budget. A shorter pause than one
	 * already running changes nothing.
	 * @param pause how long
	 */
	void pause(Duration pause);

}
