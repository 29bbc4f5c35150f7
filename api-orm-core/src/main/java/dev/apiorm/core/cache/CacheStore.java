package dev.apiorm.core.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.support.NoOpCache;

/**
 * A Spring {@link Cache} as the HTTP cache uses it: without blocking a network thread and
 * without failing a call. A cache in this JVM (a concurrent map, Caffeine) is read and
 * written on the caller's thread; any other (Redis) on Reactor's bounded elastic threads,
 * within the timeout. A cache that fails or does not answer in time is a miss, and what
 * could not be written is not kept; a WARN says so, at most once a minute.
 */
final class CacheStore {

	private static final Log logger = LogFactory.getLog(CacheStore.class);

	private static final long WARN_EVERY = Duration.ofMinutes(1).toNanos();

	private final Cache cache;

	private final boolean local;

	private final Duration timeout;

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY);

	CacheStore(Cache cache, Duration timeout) {
		this.cache = cache;
		this.timeout = timeout;
		this.local = cache instanceof ConcurrentMapCache || cache instanceof NoOpCache
				|| cache.getClass().getName().startsWith("org.springframework.cache.caffeine.");
	}

	String name() {
		return this.cache.getName();
	}

	/**
	 * Reads an entry.
	 * @param key the key
	 * @return the value, empty when there is none or the cache failed
	 */
	Mono<Optional<Object>> get(String key) {
		return call(() -> {
			Cache.ValueWrapper value = this.cache.get(key);
			return Optional.ofNullable((value != null) ? value.get() : null);
		}, "read").onErrorReturn(Optional.empty());
	}

	/**
	 * Writes an entry; a failure is logged, not signalled.
	 * @param key the key
	 * @param value the value
	 * @return completes when written or given up
	 */
	Mono<Void> put(String key, Object value) {
		return call(() -> {
			this.cache.put(key, value);
			return Boolean.TRUE;
		}, "write").onErrorResume((ex) -> Mono.empty()).then();
	}

	/**
	 * Writes an entry unless there is one.
	 * @param key the key
	 * @param value the value
	 * @return the value in the cache: the one there, else the one given (also when the
	 * cache failed)
	 */
	Mono<Object> putIfAbsent(String key, Object value) {
		return call(() -> {
			Cache.ValueWrapper existing = this.cache.putIfAbsent(key, value);
			Object present = (existing != null) ? existing.get() : null;
			return (present != null) ? present : value;
		}, "write").onErrorReturn(value);
	}

	private <T> Mono<T> call(Callable<T> operation, String what) {
		Mono<T> call = Mono.fromCallable(operation);
		if (!this.local) {
			call = call.subscribeOn(Schedulers.boundedElastic()).timeout(this.timeout);
		}
		return call.doOnError((ex) -> warn(what, ex));
	}

	private void warn(String what, Throwable ex) {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= WARN_EVERY && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("The api-orm HTTP cache '" + this.cache.getName() + "' could not " + what + " an entry (" + ex
					+ "): calls go to the API as without a cache (said at most once a minute)");
		}
	}

}
