package dev.apiorm.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.core.RateLimitSettings;
import dev.apiorm.core.ratelimit.LocalRateBudgets;
import dev.apiorm.core.ratelimit.RateBuckets;
import dev.apiorm.core.ratelimit.RateBudget;
import dev.apiorm.core.ratelimit.RateBudgets;

/**
 * Rate budgets kept in Redis, one Bucket4j bucket per budget key, shared by every
 * instance that reaches the same Redis: N instances together send no more than one
 * budget. Every permit is one round trip to Redis (Bucket4j's compare-and-swap on
 * Lettuce, asynchronous); a permit that must wait is reserved there and waited for here,
 * on the timer of {@link LocalRateBudgets}, never by blocking a thread.
 * <p>
 * <strong>When Redis cannot be reached</strong> (not connected yet, down, slower than
 * {@code timeout}), permits come from a budget of this instance alone, of the same
 * settings, and a WARN says so once: the application goes on, but until Redis answers
 * again each instance sends up to the whole budget by itself. Redis is tried again after
 * {@code retryInterval}; an INFO says when budgets are shared again. Pauses the API asks
 * for go to both.
 */
public final class RedisRateBudgets implements RateBudgets, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisRateBudgets.class);

	/** How long Redis keeps a budget nobody used once it is full again. */
	private static final Duration KEEP_FULL = Duration.ofSeconds(10);

	private final RedisConnector connector;

	private final Duration timeout;

	private final long retryIntervalNanos;

	private final String keyPrefix;

	private final LocalRateBudgets local = new LocalRateBudgets();

	private final Map<String, Shared> budgets = new ConcurrentHashMap<>();

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;

	private volatile @Nullable AsyncProxyManager<byte[]> buckets;

	/** Until when (in {@link System#nanoTime()}'s scale) budgets stay local. */
	private volatile long localUntil;

	/** Whether the last attempt to reach Redis failed: for logging once per outage. */
	private final AtomicBoolean down = new AtomicBoolean();

	/**
	 * Budgets on a Redis connection, opened asynchronously when the first budget is asked
	 * for.
	 * @param connector opens the connection
	 * @param timeout the longest wait for Redis's answer to one permit
	 * @param retryInterval how long budgets stay local after Redis failed
	 * @param keyPrefix the prefix of the budgets' Redis keys
	 */
	public RedisRateBudgets(RedisConnector connector, Duration timeout, Duration retryInterval, String keyPrefix) {
		Assert.notNull(connector, "connector must not be null");
		Assert.isTrue(timeout.toMillis() > 0, "timeout must be positive");
		Assert.isTrue(!retryInterval.isNegative(), "retryInterval must not be negative");
		this.connector = connector;
		this.timeout = timeout;
		this.retryIntervalNanos = retryInterval.toNanos();
		this.keyPrefix = keyPrefix;
		this.localUntil = System.nanoTime();
	}

	@Override
	public RateBudget budget(String client, RateLimitSettings settings) {
		Assert.isTrue(settings.enabled(), "settings must set a limit");
		// Connected when the first client with a budget is built (at start-up), not
		// before: an application without budgets never opens it.
		buckets();
		return this.budgets.computeIfAbsent(settings.keyOf(client),
				(key) -> new Shared(key, settings, this.local.budget(client, settings)));
	}

	/**
	 * Whether the budgets are shared now: connected, and Redis answered the last time it
	 * was asked.
	 * @return {@code true} when permits come from Redis
	 */
	public boolean shared() {
		return this.buckets != null && !this.down.get();
	}

	@Override
	public void close() {
		this.local.close();
		StatefulRedisConnection<byte[], byte[]> open = this.connection;
		if (open != null) {
			open.closeAsync();
		}
	}

	/**
	 * The buckets in Redis when they may be used now; starts connecting when there is no
	 * connection yet.
	 */
	private @Nullable AsyncProxyManager<byte[]> buckets() {
		if (System.nanoTime() - this.localUntil < 0) {
			return null;
		}
		AsyncProxyManager<byte[]> buckets = this.buckets;
		if (buckets == null) {
			connect();
		}
		return buckets;
	}

	private void connect() {
		if (!this.connecting.compareAndSet(false, true)) {
			return;
		}
		CompletionStage<StatefulRedisConnection<byte[], byte[]>> opened;
		try {
			opened = this.connector.connect();
		}
		catch (RuntimeException ex) {
			opened = CompletableFuture.failedFuture(ex);
		}
		opened.whenComplete((connection, failure) -> {
			if (connection != null) {
				this.connection = connection;
				this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
					.requestTimeout(this.timeout)
					.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
					.build()
					.asAsync();
				reached();
			}
			else {
				this.connecting.set(false);
				failed(failure);
			}
		});
	}

	private void reached() {
		if (this.down.compareAndSet(true, false)) {
			logger.info("Redis answers again: api-orm rate budgets are shared by every instance again");
		}
	}

	private void failed(@Nullable Throwable failure) {
		this.localUntil = System.nanoTime() + this.retryIntervalNanos;
		if (this.down.compareAndSet(false, true)) {
			logger.warn("Redis cannot be reached for the api-orm rate budgets (" + describe(failure)
					+ "): each instance uses a budget of its own, so together they may send more than the "
					+ "budget, until Redis answers again (tried every " + Duration.ofNanos(this.retryIntervalNanos)
					+ ")");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Redis still cannot be reached for the api-orm rate budgets: " + describe(failure));
		}
	}

	private String describe(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause != null && cause.getCause() != null
				&& (cause instanceof CompletionException || cause.getMessage() == null)) {
			cause = cause.getCause();
		}
		if (cause instanceof TimeoutException) {
			return "no answer within " + this.timeout + " (api-orm.redis.timeout)";
		}
		return (cause != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : "no connection";
	}

	/**
	 * Opens the Redis connection of the budgets, asynchronously.
	 */
	@FunctionalInterface
	public interface RedisConnector {

		/**
		 * Opens a connection.
		 * @return the connection, once open
		 */
		CompletionStage<StatefulRedisConnection<byte[], byte[]>> connect();

	}

	/**
	 * A budget in Redis, with its local fallback.
	 */
	private final class Shared implements RateBudget {

		private final byte[] key;

		private final RateLimitSettings settings;

		private final BucketConfiguration configuration;

		private final RateBudget fallback;

		private volatile @Nullable AsyncBucketProxy bucket;

		Shared(String key, RateLimitSettings settings, RateBudget fallback) {
			this.key = (RedisRateBudgets.this.keyPrefix + key).getBytes(StandardCharsets.UTF_8);
			this.settings = settings;
			this.configuration = RateBuckets.configuration(settings);
			this.fallback = fallback;
		}

		@Override
		public Mono<Boolean> acquire(Duration maxWait) {
			AsyncBucketProxy bucket = bucket();
			if (bucket == null) {
				return this.fallback.acquire(maxWait);
			}
			return Mono
				.fromFuture(() -> bucket.asScheduler()
					.tryConsume(1, RateBuckets.nanos(maxWait), RedisRateBudgets.this.local.timer()))
				.doOnNext((held) -> reached())
				.onErrorResume((failure) -> {
					failed(failure);
					return this.fallback.acquire(maxWait);
				});
		}

		@Override
		public void pause(Duration pause) {
			this.fallback.pause(pause);
			long owed = RateBuckets.owedFor(pause, this.settings);
			AsyncBucketProxy bucket = bucket();
			if (owed == 0 || bucket == null) {
				return;
			}
			// As locally: from what is left to owing as many permits as the pause lasts.
			// Two round trips; instances pausing at once may owe a little more, never
			// less.
			bucket.getAvailableTokens()
				.thenCompose((available) -> (available + owed > 0) ? bucket.consumeIgnoringRateLimits(available + owed)
						: CompletableFuture.completedFuture(0L))
				.whenComplete((ignored, failure) -> {
					if (failure != null) {
						failed(failure);
					}
				});
		}

		private @Nullable AsyncBucketProxy bucket() {
			AsyncProxyManager<byte[]> buckets = buckets();
			if (buckets == null) {
				return null;
			}
			AsyncBucketProxy bucket = this.bucket;
			if (bucket == null) {
				CompletableFuture<BucketConfiguration> configuration = CompletableFuture
					.completedFuture(this.configuration);
				// Concurrent permits of this instance are batched into one
				// compare-and-swap:
				// without it, 64 at once retry each other's swaps for seconds.
				bucket = buckets.builder()
					.withOptimization(Optimizations.batching())
					.build(this.key, () -> configuration);
				this.bucket = bucket;
			}
			return bucket;
		}

		@Override
		public String toString() {
			return "shared rate budget " + new String(this.key, StandardCharsets.UTF_8) + " of " + this.settings.limit()
					+ " per " + this.settings.period();
		}

	}

}
