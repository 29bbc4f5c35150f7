package dev.apiorm.core.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

import dev.apiorm.core.RateLimitSettings;

/**
 * How a client's {@link RateLimitSettings} become a Bucket4j bucket, wherever the bucket
 * is kept: {@code burst} permits, refilled greedily (one at a time, evenly spread) at
 * {@code limit} per {@code period}.
 */
public final class RateBuckets {

	private RateBuckets() {
	}

	/**
	 * The configuration of the bucket of a budget.
	 * @param settings the budget's settings
	 * @return the configuration
	 */
	public static BucketConfiguration configuration(RateLimitSettings settings) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(settings.burst()).refillGreedy(settings.limit(), settings.period()))
			.build();
	}

	/**
	 * The permits a bucket must owe so that its next permit comes no sooner than after a
	 * pause: with {@code k} permits owed, the next one comes after {@code k} to
	 * {@code k + 1} refills (a refill may be partly done), so {@code k} refills must
	 * cover the pause.
	 * @param pause the pause, cut to {@link RateLimitSettings#maxPause()}
	 * @param settings the budget's settings
	 * @return the permits to owe, {@code 0} for no pause
	 */
	public static long owedFor(Duration pause, RateLimitSettings settings) {
		Duration cut = (pause.compareTo(settings.maxPause()) > 0) ? settings.maxPause() : pause;
		if (cut.isNegative() || cut.isZero()) {
			return 0;
		}
		double refills = (double) nanos(cut) * settings.limit() / nanos(settings.period());
		return (long) Math.ceil(refills);
	}

	/**
	 * A duration in nanoseconds, saturated at {@link Long#MAX_VALUE}.
	 * @param duration the duration, not negative
	 * @return its nanoseconds
	 */
	public static long nanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

}
