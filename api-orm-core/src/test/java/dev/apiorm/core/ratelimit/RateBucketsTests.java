package dev.apiorm.core.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.apiorm.core.RateLimitSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many permits a paused budget owes: its next permit comes after the pause, not
 * sooner, and never after more than the longest pause.
 */
class RateBucketsTests {

	private static final RateLimitSettings TEN_PER_SECOND = RateLimitSettings.DEFAULTS.withLimit(10);

	@Test
	void aPauseOwesThePermitsRefilledDuringIt() {
		// 10 per second: a permit every 100 ms. Owing 10, the next permit comes after
		// the 10th or 11th refill (the current one may be partly done): not before 1 s.
		assertThat(RateBuckets.owedFor(Duration.ofSeconds(1), TEN_PER_SECOND)).isEqualTo(10);
		assertThat(RateBuckets.owedFor(Duration.ofMillis(150), TEN_PER_SECOND)).isEqualTo(2);
		assertThat(RateBuckets.owedFor(Duration.ofMillis(50), TEN_PER_SECOND)).isEqualTo(1);
	}

	@Test
	void noPauseOwesNothingAndALongPauseIsCut() {
		assertThat(RateBuckets.owedFor(Duration.ZERO, TEN_PER_SECOND)).isZero();
		assertThat(RateBuckets.owedFor(Duration.ofSeconds(-3), TEN_PER_SECOND)).isZero();
		RateLimitSettings maxTwoSeconds = TEN_PER_SECOND.withMaxPause(Duration.ofSeconds(2));
		assertThat(RateBuckets.owedFor(Duration.ofDays(1), maxTwoSeconds)).isEqualTo(20);
	}

	@Test
	void theBucketHoldsTheBurstAndRefillsAtTheLimit() {
		var bandwidth = RateBuckets.configuration(TEN_PER_SECOND.withBurst(3)).getBandwidths()[0];
		assertThat(bandwidth.getCapacity()).isEqualTo(3);
		assertThat(bandwidth.getRefillTokens()).isEqualTo(10);
		assertThat(bandwidth.getRefillPeriodNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
		assertThat(bandwidth.isRefillIntervally()).isFalse();
	}

}
