package dev.apiorm.core.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.apiorm.core.RateLimitSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets in this JVM: the burst at once, then one permit per refill, waited for on the
 * timer; a refused wait takes nothing; a pause holds back the next permit.
 */
class LocalRateBudgetsTests {

	private static final Duration LONG = Duration.ofSeconds(30);

	private final LocalRateBudgets budgets = new LocalRateBudgets();

	@AfterEach
	void close() {
		this.budgets.close();
	}

	@Test
	void theBurstIsAtOnceAndTheNextPermitComesWithItsRefill() {
		long start = System.nanoTime();
		RateBudget budget = this.budgets.budget("c", RateLimitSettings.DEFAULTS.withLimit(10).withBurst(2));
		assertThat(budget.acquire(LONG).block()).isTrue();
		assertThat(budget.acquire(LONG).block()).isTrue();
		assertThat(budget.acquire(LONG).block()).isTrue();
		// 10 per second: the first refill 100 ms after the bucket was made (millisecond
		// precision).
		assertThat(millisSince(start)).isGreaterThanOrEqualTo(99);
	}

	@Test
	void aWaitLongerThanAcceptedIsRefusedAtOnceAndTakesNothing() {
		long start = System.nanoTime();
		RateBudget budget = this.budgets.budget("c", RateLimitSettings.DEFAULTS.withLimit(1));
		assertThat(budget.acquire(LONG).block()).isTrue();
		for (int i = 0; i < 5; i++) {
			assertThat(budget.acquire(Duration.ofMillis(10)).block()).isFalse();
		}
		assertThat(budget.acquire(LONG).block()).isTrue();
		// The next permit came with the first refill (1 s); had the refused waits taken
		// permits, it would have come after the sixth (6 s).
		assertThat(millisSince(start)).isBetween(999L, 3000L);
	}

	@Test
	void aPauseHoldsBackTheNextPermitAndAShorterOneChangesNothing() {
		RateBudget budget = this.budgets.budget("c", RateLimitSettings.DEFAULTS.withLimit(100).withBurst(5));
		long paused = System.nanoTime();
		budget.pause(Duration.ofMillis(400));
		budget.pause(Duration.ofMillis(50));
		assertThat(budget.acquire(LONG).block()).isTrue();
		assertThat(millisSince(paused)).isGreaterThanOrEqualTo(399);
	}

	@Test
	void clientsWithOneKeyShareOneBudget() {
		RateLimitSettings shared = RateLimitSettings.DEFAULTS.withLimit(5).withKey("partner-api");
		assertThat(this.budgets.budget("a", shared)).isSameAs(this.budgets.budget("b", shared));
		assertThat(this.budgets.budget("a", shared.withKey(null)))
			.isNotSameAs(this.budgets.budget("b", shared.withKey(null)));
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
