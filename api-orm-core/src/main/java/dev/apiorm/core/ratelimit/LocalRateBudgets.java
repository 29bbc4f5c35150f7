package dev.apiorm.core.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.github.bucket4j.Bucket;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.core.RateLimitSettings;

/**
 * Rate budgets kept in this JVM: one Bucket4j bucket per budget key, so an instance
 * limits only itself. The default, and the fallback of a shared store that cannot be
 * reached.
 * <p>
 * A permit that must wait is reserved at once and handed over when its time comes by a
 * timer of its own (one daemon thread, {@code api-orm-rate-limit}, which only completes
 * waits), never by blocking the caller's thread. Close it when the clients are done.
 */
public final class LocalRateBudgets implements RateBudgets, AutoCloseable {

	private final ScheduledExecutorService timer;

	private final Map<String, Local> budgets = new ConcurrentHashMap<>();

	public LocalRateBudgets() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "api-orm-rate-limit");
			thread.setDaemon(true);
			return thread;
		});
		// A wait cancelled by its caller leaves no task behind.
		executor.setRemoveOnCancelPolicy(true);
		this.timer = executor;
	}

	@Override
	public RateBudget budget(String client, RateLimitSettings settings) {
		Assert.isTrue(settings.enabled(), "settings must set a limit");
		return this.budgets.computeIfAbsent(settings.keyOf(client), (key) -> new Local(settings));
	}

	/**
	 * The timer that completes the waits, for budgets kept elsewhere that wait the same
	 * way.
	 * @return the timer
	 */
	public ScheduledExecutorService timer() {
		return this.timer;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/**
	 * A budget in a local bucket.
	 */
	private final class Local implements RateBudget {

		private final Bucket bucket;

		private final RateLimitSettings settings;

		Local(RateLimitSettings settings) {
			this.settings = settings;
			this.bucket = Bucket.builder().addLimit(RateBuckets.configuration(settings).getBandwidths()[0]).build();
		}

		@Override
		public Mono<Boolean> acquire(Duration maxWait) {
			return Mono.fromFuture(() -> this.bucket.asScheduler()
				.tryConsume(1, RateBuckets.nanos(maxWait), LocalRateBudgets.this.timer));
		}

		@Override
		public void pause(Duration pause) {
			long owed = RateBuckets.owedFor(pause, this.settings);
			if (owed == 0) {
				return;
			}
			// From what is left now to owing as many permits as the pause lasts; a bucket
			// that already owes more keeps its longer pause.
			long take = this.bucket.getAvailableTokens() + owed;
			if (take > 0) {
				this.bucket.consumeIgnoringRateLimits(take);
			}
		}

		@Override
		public String toString() {
			return "local rate budget of " + this.settings.limit() + " per " + this.settings.period();
		}

	}

}
