package dev.apiorm.autoconfigure;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apiorm.core.RateLimitSettings;
import dev.apiorm.core.ratelimit.RateBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis that cannot be reached: permits come from the instance's own budget, one WARN
 * says so, and Redis is tried again only after the retry interval. (With a real Redis,
 * stopped and started again: {@code api-orm-instances}' {@code RedisFallbackIT}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisRateBudgetsTests {

	@Test
	void unreachableRedisMeansALocalBudgetAndOneWarning(CapturedOutput output) {
		AtomicInteger attempts = new AtomicInteger();
		try (RedisRateBudgets budgets = new RedisRateBudgets(() -> {
			attempts.incrementAndGet();
			return CompletableFuture.failedFuture(new ConnectException("Connection refused"));
		}, Duration.ofMillis(100), Duration.ofMinutes(10), "test:")) {
			long start = System.nanoTime();
			RateBudget budget = budgets.budget("default", RateLimitSettings.DEFAULTS.withLimit(10));
			for (int i = 0; i < 3; i++) {
				assertThat(budget.acquire(Duration.ofSeconds(5)).block()).isTrue();
			}
			// The local budget of 10 per second: the third permit with the second refill.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(199));
			assertThat(budgets.shared()).isFalse();
			// Tried once: the next try waits for the retry interval.
			assertThat(attempts).hasValue(1);
			assertThat(output.getOut().split("Redis cannot be reached", -1)).hasSize(2);
			assertThat(output.getOut()).contains("ConnectException: Connection refused");
		}
	}

	@Test
	void aConnectorThatThrowsIsAFailureToo(CapturedOutput output) throws IOException {
		try (RedisRateBudgets budgets = new RedisRateBudgets(() -> {
			throw new IllegalStateException("no Redis here");
		}, Duration.ofMillis(100), Duration.ofMinutes(10), "test:")) {
			RateBudget budget = budgets.budget("default", RateLimitSettings.DEFAULTS.withLimit(10));
			assertThat(budget.acquire(Duration.ofSeconds(5)).block()).isTrue();
			assertThat(output.getOut()).contains("IllegalStateException: no Redis here");
		}
	}

}
