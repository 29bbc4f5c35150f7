package dev.apiorm.core;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A concurrent map whose keys are compared by identity and held weakly: an entry goes
 * once the application drops its key, whatever the key's {@code equals} says (two equal
 * records read twice are two entries; an entity whose {@code hashCode} changes with its
 * fields keeps its entry).
 * <p>
 * Built for keys that mostly die young, as the records of a long iteration, where a weak
 * reference per key is all the garbage collector should see: new entries are appended to
 * arrays (no hash table node per entry), and those arrays are swept right after each
 * collection, seen as the clearing of a weakly held sentinel, so that a dropped key's
 * reference is found cleared and let go while it is itself still young. (A weak reference
 * that lives on gets promoted, and a promoted weak reference keeps its referent alive
 * through young collections: a hash table swept only when it had grown promoted every
 * record a large iteration handed out.) Entries that outlived eight collections (more
 * than the records of a page being iterated usually live through) move to a hash table,
 * swept when it has doubled since its last sweep. Looking a key up scans the young
 * entries' identity hashes, newest first: lookups are rare (a write of an instance),
 * insertions are per record read.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class WeakIdentityMap<K, V> {

	private static final int CHUNK = 1024;

	private static final int TENURE = 8;

	private static final int MIN_OLD_SWEEP = 1024;

	/** The young entries, oldest chunk first; guarded by {@code this}. */
	private List<Chunk<K, V>> young = new ArrayList<>();

	/** Cleared by the first collection after the last sweep; guarded by {@code this}. */
	private WeakReference<Object> sentinel = new WeakReference<>(new Object());

	private final Map<Entry<K, V>, Entry<K, V>> old = new ConcurrentHashMap<>();

	private volatile int oldSweepAt = MIN_OLD_SWEEP;

	void put(K key, V value) {
		putAll(List.of(key), (same) -> value);
	}

	/**
	 * Puts keys, each with the value a function gives it (called before the map is
	 * locked).
	 * @param <E> the type of the keys
	 * @param keys the keys
	 * @param value the value of a key
	 */
	<E extends K> void putAll(List<E> keys, Function<? super E, ? extends V> value) {
		List<Entry<K, V>> entries = new ArrayList<>(keys.size());
		for (E key : keys) {
			entries.add(new Entry<>(key, value.apply(key)));
		}
		synchronized (this) {
			sweepAfterCollection();
			for (Entry<K, V> entry : entries) {
				append(this.young, entry);
			}
		}
	}

	@Nullable V get(K key) {
		Entry<K, V> young = youngEntry(key);
		if (young != null) {
			return young.value;
		}
		Entry<K, V> old = this.old.get(Entry.probe(key));
		return (old != null) ? old.value : null;
	}

	void remove(K key) {
		synchronized (this) {
			for (Chunk<K, V> chunk : this.young) {
				chunk.clear(key);
			}
		}
		this.old.remove(Entry.probe(key));
	}

	/**
	 * How many entries are held, after dropping those whose keys were collected (a key
	 * put twice counts twice until it is tenured).
	 * @return the size
	 */
	int size() {
		int young = 0;
		synchronized (this) {
			for (Chunk<K, V> chunk : this.young) {
				young += chunk.live();
			}
		}
		this.old.keySet().removeIf(Entry::cleared);
		return young + this.old.size();
	}

	private synchronized @Nullable Entry<K, V> youngEntry(K key) {
		int hash = System.identityHashCode(key);
		for (int c = this.young.size() - 1; c >= 0; c--) {
			Entry<K, V> entry = this.young.get(c).find(key, hash);
			if (entry != null) {
				return entry;
			}
		}
		return null;
	}

	/**
	 * After a collection, drops the young entries whose keys it collected and tenures
	 * those that outlived enough of them. Called with the lock held.
	 */
	private void sweepAfterCollection() {
		if (!this.sentinel.refersTo(null)) {
			return;
		}
		this.sentinel = new WeakReference<>(new Object());
		List<Chunk<K, V>> survivors = new ArrayList<>();
		for (Chunk<K, V> chunk : this.young) {
			for (int i = 0; i < chunk.size; i++) {
				Entry<K, V> entry = chunk.entries[i];
				K key = entry.get();
				if (key == null) {
					continue;
				}
				if (++entry.collections >= TENURE) {
					// Oldest first: a key put again later replaces its older value.
					entry.hash = System.identityHashCode(key);
					this.old.put(entry, entry);
				}
				else {
					append(survivors, entry);
				}
			}
		}
		this.young = survivors;
		if (this.old.size() >= this.oldSweepAt) {
			this.old.keySet().removeIf(Entry::cleared);
			this.oldSweepAt = Math.max(MIN_OLD_SWEEP, this.old.size() * 2);
		}
	}

	private static <K, V> void append(List<Chunk<K, V>> chunks, Entry<K, V> entry) {
		Chunk<K, V> last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
		if (last == null || last.size == CHUNK) {
			last = new Chunk<>();
			chunks.add(last);
		}
		last.entries[last.size++] = entry;
	}

	/**
	 * Young entries in the order they were put, with their keys' identity hashes beside
	 * them so that a lookup touches the entries of matching hashes only. A key's identity
	 * hash is taken by the first lookup that scans it, not when it is put: taking one
	 * costs a call into the JVM, and most records of an iteration are never looked up.
	 */
	private static final class Chunk<K, V> {

		@SuppressWarnings("unchecked")
		final Entry<K, V>[] entries = new Entry[CHUNK];

		final int[] hashes = new int[CHUNK];

		int size;

		/** The entries below this index have their key's hash in {@link #hashes}. */
		int hashed;

		private void hashAll() {
			for (; this.hashed < this.size; this.hashed++) {
				Object key = this.entries[this.hashed].get();
				this.hashes[this.hashed] = (key != null) ? System.identityHashCode(key) : 0;
			}
		}

		@Nullable Entry<K, V> find(K key, int hash) {
			hashAll();
			for (int i = this.size - 1; i >= 0; i--) {
				if (this.hashes[i] == hash && this.entries[i].refersTo(key)) {
					return this.entries[i];
				}
			}
			return null;
		}

		void clear(K key) {
			hashAll();
			int hash = System.identityHashCode(key);
			for (int i = 0; i < this.size; i++) {
				if (this.hashes[i] == hash && this.entries[i].refersTo(key)) {
					this.entries[i].clear();
				}
			}
		}

		int live() {
			int live = 0;
			for (int i = 0; i < this.size; i++) {
				live += this.entries[i].cleared() ? 0 : 1;
			}
			return live;
		}

	}

	private static final class Entry<K, V> extends WeakReference<K> {

		final @Nullable V value;

		/** The key's identity hash, taken when the entry is tenured or is a probe. */
		int hash;

		/** The collections this entry outlived while young; changed under the lock. */
		int collections;

		Entry(K referent, @Nullable V value) {
			super(referent);
			this.value = value;
		}

		/**
		 * An entry to look a key up in the old part with.
		 */
		static <K, V> Entry<K, V> probe(K key) {
			Entry<K, V> probe = new Entry<>(key, null);
			probe.hash = System.identityHashCode(key);
			return probe;
		}

		boolean cleared() {
			return refersTo(null);
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
			if (!(other instanceof Entry<?, ?> entry)) {
				return false;
			}
			Object referent = get();
			return referent != null && referent == entry.get();
		}

	}

}
