package dev.apiorm.core;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * An update of a mutable instance in place from the server's answer to a request about it
 * (a save, a create, a refresh) that never undoes a change the request did not send: a
 * field set locally since the request began keeps its local value, and the instance's new
 * snapshot holds what the server answered for it, so that the field stays changed for the
 * next save.
 * <p>
 * What "since the request began" means is a {@link ValueFingerprint fingerprint} of each
 * field taken when the request began. A field is set from the answer only when the answer
 * holds it, its local value is still the one the request began with, and the answer's
 * value differs (a field the answer leaves as it is, is not touched): other threads
 * setting other fields of the instance meanwhile are never written over. The setters of
 * an application's model cannot be locked, so a thread that sets a field in the very
 * moment the server's different value for that same field is copied in may still lose its
 * value; two threads setting one field is last-write-wins anyway.
 *
 * @param <T> the model type
 */
final class InPlaceUpdate<T> {

	private final ApiPersistentEntity<T> entity;

	private final T target;

	private final ChangeTracker tracker;

	private final ChangeTracker.@Nullable Snapshot before;

	private final long[] start;

	private final @Nullable Collection<String> sent;

	private InPlaceUpdate(ApiPersistentEntity<T> entity, T target, ChangeTracker tracker,
			ChangeTracker.@Nullable Snapshot before, long[] start, @Nullable Collection<String> sent) {
		this.entity = entity;
		this.target = target;
		this.tracker = tracker;
		this.before = before;
		this.start = start;
		this.sent = sent;
	}

	/**
	 * An update that begins now, before anything of the instance is read for the request,
	 * of a request that sends the whole record.
	 * @param tracker names and fingerprints the fields that can change, and remembers
	 * what the server was last seen to hold
	 * @param entity the model, mutable
	 * @param target the instance
	 * @param <T> the model type
	 * @return the update
	 */
	static <T> InPlaceUpdate<T> begin(ChangeTracker tracker, ApiPersistentEntity<T> entity, T target) {
		return new InPlaceUpdate<>(entity, target, tracker, tracker.snapshot(target),
				tracker.fingerprints(entity, target), null);
	}

	/**
	 * This update, of a request that sends only some fields.
	 * @param fields the API names of the fields sent, none for a read
	 * @return the update
	 */
	InPlaceUpdate<T> sending(Collection<String> fields) {
		return new InPlaceUpdate<>(this.entity, this.target, this.tracker, this.before, this.start,
				List.copyOf(fields));
	}

	T target() {
		return this.target;
	}

	/**
	 * Updates the instance from the answer.
	 * @param answer the answer decoded whole into a new instance
	 * @param tree the answer's record as JSON, emptied here of the fields not to set
	 * @return the fingerprints of what the server holds now, for the instance's snapshot
	 */
	long[] apply(T answer, ObjectNode tree) {
		List<String> names = this.tracker.wireNames(this.entity);
		long[] local = this.tracker.fingerprints(this.entity, this.target);
		long[] server = this.tracker.fingerprints(this.entity, answer);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (!tree.has(name)) {
				// Not in the answer: the server holds what the request left it.
				server[i] = expected(i, names);
			}
			else if (local[i] != this.start[i] || local[i] == server[i]) {
				// Changed here since the request began, or nothing to change.
				tree.remove(name);
			}
		}
		this.entity.getCodec().update(this.target, tree);
		return server;
	}

	/**
	 * What the server holds after a request it answered without a body: what was sent,
	 * and what was last seen of the rest.
	 * @return the fingerprints for the instance's snapshot
	 */
	long[] noContent() {
		List<String> names = this.tracker.wireNames(this.entity);
		long[] held = new long[this.start.length];
		for (int i = 0; i < held.length; i++) {
			held[i] = expected(i, names);
		}
		return held;
	}

	/**
	 * What the server holds of a field after the request, as far as it is known without
	 * an answer: what was sent, or else what was last seen from it.
	 */
	private long expected(int field, List<String> names) {
		boolean unsent = this.sent != null && !this.sent.contains(names.get(field));
		ChangeTracker.Snapshot last = this.before;
		if (unsent && last != null && last.fingerprints().length == this.start.length) {
			return last.fingerprints()[field];
		}
		return this.start[field];
	}

}
