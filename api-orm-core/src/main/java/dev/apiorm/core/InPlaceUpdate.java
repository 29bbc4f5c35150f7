package dev.apiorm.core;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.filter.FilteringParserDelegate;
import tools.jackson.core.filter.TokenFilter;
import tools.jackson.databind.json.JsonMapper;
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
	 * Updates the instance from an answer taken out of an envelope.
	 * @param answer the answer decoded whole into a new instance
	 * @param tree the answer's record as JSON, emptied here of the fields not to set
	 * @return the fingerprints of what the server holds now, for the instance's snapshot
	 */
	long[] apply(T answer, ObjectNode tree) {
		List<String> names = this.tracker.wireNames(this.entity);
		long[] server = this.tracker.fingerprints(this.entity, answer);
		Set<String> unset = unset(names, server);
		long[] held = held(names, server, tree::has);
		tree.remove(unset);
		this.entity.getCodec().update(this.target, tree);
		return held;
	}

	/**
	 * Updates the instance from an answer's body, read again: its numbers keep the
	 * precision and scale they were written with.
	 * @param answer the answer decoded whole into a new instance
	 * @param body the answer's body, a JSON object
	 * @param mapper the client's JSON mapper
	 * @return the fingerprints of what the server holds now, for the instance's snapshot
	 */
	long[] apply(T answer, byte[] body, JsonMapper mapper) {
		List<String> names = this.tracker.wireNames(this.entity);
		long[] server = this.tracker.fingerprints(this.entity, answer);
		Set<String> unset = unset(names, server);
		Set<String> present = new HashSet<>();
		TokenFilter skip = new TokenFilter() {

			@Override
			public @Nullable TokenFilter includeProperty(String name) {
				// Called for the record's own properties only: their values are included
				// or left out whole.
				present.add(name);
				return unset.contains(name) ? null : TokenFilter.INCLUDE_ALL;
			}

		};
		try (JsonParser parser = new FilteringParserDelegate(mapper.createParser(body), skip,
				TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
			if (parser.nextToken() != null) {
				this.entity.getCodec().update(this.target, parser);
			}
		}
		return held(names, server, present::contains);
	}

	/**
	 * The fields of the answer not to set: those changed here since the request began,
	 * and those the answer leaves as they are.
	 */
	private Set<String> unset(List<String> names, long[] server) {
		long[] local = this.tracker.fingerprints(this.entity, this.target);
		Set<String> unset = new HashSet<>();
		for (int i = 0; i < names.size(); i++) {
			if (local[i] != this.start[i] || local[i] == server[i]) {
				unset.add(names.get(i));
			}
		}
		return unset;
	}

	/**
	 * What the server holds: what it answered, and for a field the answer does not hold,
	 * what the request left it.
	 */
	private long[] held(List<String> names, long[] server, Predicate<String> answered) {
		for (int i = 0; i < names.size(); i++) {
			if (!answered.test(names.get(i))) {
				server[i] = expected(i, names);
			}
		}
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
