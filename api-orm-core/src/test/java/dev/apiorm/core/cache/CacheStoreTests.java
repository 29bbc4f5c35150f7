package dev.apiorm.core.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.cache.support.AbstractValueAdaptingCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CacheStore}: a cache that fails or does not answer in time is a miss,
 * never a failed call.
 */
class CacheStoreTests {

	@Test
	void aFailingCacheIsAMissAndAWriteThatFailsIsDropped() {
		CacheStore store = new CacheStore(new Remote(null), Duration.ofSeconds(5));
		assertThat(store.get("k").block()).isEqualTo(Optional.empty());
		assertThat(store.put("k", "v").hasElement().block()).isFalse();
		assertThat(store.putIfAbsent("k", "mine").block()).isEqualTo("mine");
	}

	@Test
	void aCacheOutsideTheJvmThatDoesNotAnswerInTimeIsAMiss() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CacheStore store = new CacheStore(new Remote(release), Duration.ofMillis(200));
		long start = System.nanoTime();
		assertThat(store.get("k").block(Duration.ofSeconds(5))).isEqualTo(Optional.empty());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		release.countDown();
	}

	/**
	 * A cache outside the JVM (not a known local one) that fails every operation, or
	 * hangs until released.
	 */
	private static final class Remote extends AbstractValueAdaptingCache {

		private final CountDownLatch hang;

		Remote(CountDownLatch hang) {
			super(true);
			this.hang = hang;
		}

		@Override
		protected Object lookup(Object key) {
			if (this.hang != null) {
				try {
					this.hang.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			throw new IllegalStateException("Redis is down");
		}

		@Override
		public String getName() {
			return "remote";
		}

		@Override
		public Object getNativeCache() {
			return this;
		}

		@Override
		public <T> T get(Object key, Callable<T> valueLoader) {
			throw new IllegalStateException("Redis is down");
		}

		@Override
		public void put(Object key, Object value) {
			throw new IllegalStateException("Redis is down");
		}

		@Override
		public ValueWrapper putIfAbsent(Object key, Object value) {
			throw new IllegalStateException("Redis is down");
		}

		@Override
		public void evict(Object key) {
			throw new IllegalStateException("Redis is down");
		}

		@Override
		public void clear() {
			throw new IllegalStateException("Redis is down");
		}

	}

}
