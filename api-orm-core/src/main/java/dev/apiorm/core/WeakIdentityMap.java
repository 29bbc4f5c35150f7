package dev.apiorm.core;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A concurrent map whose keys are compared by identity and held weakly: an entry goes
 * once the application drops its key, whatever the key's {@code equals} says (two equal
 * records read twice are two entries; an entity whose {@code hashCode} changes with its
 * fields keeps its entry). Collected entries are purged on each write.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class WeakIdentityMap<K, V> {

	private final Map<Key<K>, V> entries = new ConcurrentHashMap<>();

	private final ReferenceQueue<K> collected = new ReferenceQueue<>();

	void put(K key, V value) {
		purge();
		this.entries.put(new Key<>(key, this.collected), value);
	}

	@Nullable V get(K key) {
		return this.entries.get(new Key<>(key, null));
	}

	void remove(K key) {
		this.entries.remove(new Key<>(key, null));
	}

	/**
	 * How many entries are held, after dropping those whose keys were collected.
	 * @return the size
	 */
	int size() {
		purge();
		return this.entries.size();
	}

	private void purge() {
		for (Object key = this.collected.poll(); key != null; key = this.collected.poll()) {
			this.entries.remove(key);
		}
	}

	private static final class Key<K> extends WeakReference<K> {

		private final int hash;

		Key(K referent, @Nullable ReferenceQueue<K> queue) {
			super(referent, queue);
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
