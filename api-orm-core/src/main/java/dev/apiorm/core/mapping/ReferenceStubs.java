package dev.apiorm.core.mapping;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The related records a model's JSON gave only by their id ("stubs": an instance of the
 * related model with nothing but its id set), and the whole record each was later
 * resolved to. A stub is held weakly and compared by identity: it is forgotten with the
 * instance that refers to it, and two stubs of the same id (read by two pages) are two
 * entries. A related record the API nested whole is no stub.
 */
public final class ReferenceStubs {

	private static final Object UNRESOLVED = new Object();

	private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();

	private final Map<Object, Object> entries = new ConcurrentHashMap<>();

	/**
	 * Remembers an instance made from a related id alone.
	 * @param stub the instance
	 */
	void add(Object stub) {
		expunge();
		this.entries.put(new WeakKey(stub, this.cleared), UNRESOLVED);
	}

	/**
	 * Whether a related record was made from its id alone.
	 * @param value the related record
	 * @return {@code true} for a stub, resolved or not
	 */
	public boolean isStub(Object value) {
		return this.entries.containsKey(new LookupKey(value));
	}

	/**
	 * The whole record a stub was resolved to.
	 * @param stub the stub
	 * @return the record, {@code null} when the stub was not resolved (or is no stub)
	 */
	public @Nullable Object resolved(Object stub) {
		Object resolved = this.entries.get(new LookupKey(stub));
		return (resolved != UNRESOLVED) ? resolved : null;
	}

	/**
	 * Remembers the whole record of a stub, so that the record is fetched once.
	 * @param stub the stub
	 * @param record the whole record
	 */
	public void resolve(Object stub, Object record) {
		this.entries.replace(new LookupKey(stub), record);
	}

	/**
	 * How many stubs are remembered.
	 * @return the number, those already dropped but not yet expunged included
	 */
	public int size() {
		return this.entries.size();
	}

	private void expunge() {
		for (Reference<?> key = this.cleared.poll(); key != null; key = this.cleared.poll()) {
			this.entries.remove(key);
		}
	}

	private static boolean same(Object key, @Nullable Object referent, @Nullable Object other) {
		if (key == other) {
			return true;
		}
		Object otherReferent = (other instanceof WeakKey weak) ? weak.get()
				: (other instanceof LookupKey lookup) ? lookup.referent : null;
		return referent != null && referent == otherReferent;
	}

	private static final class WeakKey extends WeakReference<Object> {

		private final int hash;

		WeakKey(Object referent, ReferenceQueue<Object> queue) {
			super(referent, queue);
			this.hash = System.identityHashCode(referent);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return same(this, get(), other);
		}

	}

	private static final class LookupKey {

		private final Object referent;

		LookupKey(Object referent) {
			this.referent = referent;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.referent);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return same(this, this.referent, other);
		}

	}

}
