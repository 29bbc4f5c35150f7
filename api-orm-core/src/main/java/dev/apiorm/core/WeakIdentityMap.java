package dev.apiorm.core;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A concurrent map whose keys are compared by identity and held weakly: an entry goes
 * once the application drops its key, whatever the key's {@code equals} says (two equal
 * records read twice are two entries; an entity whose {@code hashCode} changes with its
 * fields keeps its entry).
 * <p>
 * Entries whose keys were collected are swept out when the map has doubled since the last
 * sweep, an amortized constant cost per entry. No reference queue is used: the JVM then
 * only clears the references, without handing each one to the reference handler thread,
 * which cannot keep up with the millions of records a large iteration hands out.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class WeakIdentityMap<K, V> {

	private static final int MIN_SWEEP = 1024;

	private final Map<Key<K>, V> entries = new ConcurrentHashMap<>();

	private final AtomicInteger sweepAt = new AtomicInteger(MIN_SWEEP);

	void put(K key, V value) {
		this.entries.put(new Key<>(key), value);
		int limit = this.sweepAt.get();
		if (this.entries.size() >= limit && this.sweepAt.compareAndSet(limit, Integer.MAX_VALUE)) {
			sweep();
		}
	}

	@Nullable V get(K key) {
		return this.entries.get(new Key<>(key));
	}

	void remove(K key) {
		this.entries.remove(new Key<>(key));
	}

	/**
	 * How many entries are held, after dropping those whose keys were collected.
	 * @return the size
	 */
	int size() {
		sweep();
		return this.entries.size();
	}

	private void sweep() {
		this.entries.keySet().removeIf((key) -> key.refersTo(null));
		this.sweepAt.set(Math.max(MIN_SWEEP, this.entries.size() * 2));
	}

	private static final class Key<K> extends WeakReference<K> {

		private final int hash;

		Key(K referent) {
			super(referent);
			this.hash = System.identityHashCode(referent);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			if (this == other) {
				return true;
			}
			if (!(other instanceof Key<?> key)) {
				return false;
			}
			Object referent = get();
			return referent != null && referent == key.get();
		}

	}

}
