package dev.apiorm.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiPersistentProperty;
import dev.apiorm.query.RecordFields;

/**
 * Remembers, for each instance a client handed out, what it last saw of the instance's
 * fields from the server and the record's {@code ETag}, held weakly by the instance's
 * identity: what an application drops is forgotten.
 * <p>
 * Of each field that can change it keeps a {@link ValueFingerprint fingerprint} of the
 * value, not the value: a listed record then costs the tracker one weak reference and a
 * few longs, whatever its fields hold, so that dropped records leave the young generation
 * as they would untracked. A final field of an immutable type (every component of a Java
 * record of simple values) cannot change and is not fingerprinted: a record of only such
 * fields shares one snapshot with every other.
 */
final class ChangeTracker {

	private static final long[] NONE = new long[0];

	private static final Snapshot UNCHANGEABLE = new Snapshot(NONE, null);

	private final WeakIdentityMap<Object, Snapshot> snapshots = new WeakIdentityMap<>();

	private final Map<ApiPersistentEntity<?>, List<Tracked<?>>> properties = new ConcurrentHashMap<>();

	<T> void track(ApiPersistentEntity<T> entity, T record, @Nullable String etag) {
		this.snapshots.put(record, snapshot(tracked(entity), entity, record, etag));
	}

	/**
	 * Tracks the records of a page, which carries no {@code ETag} of theirs.
	 */
	<T> void trackAll(ApiPersistentEntity<T> entity, List<T> records) {
		List<Tracked<T>> tracked = tracked(entity);
		this.snapshots.putAll(records, (record) -> snapshot(tracked, entity, record, null));
	}

	/**
	 * Remembers what the server holds of a record, as fingerprints of its fields that can
	 * change (from {@link #fingerprints}).
	 */
	void remember(Object record, long[] fingerprints, @Nullable String etag) {
		this.snapshots.put(record, (fingerprints.length == 0 && etag == null) ? UNCHANGEABLE
				: new Snapshot((fingerprints.length == 0) ? NONE : fingerprints, etag));
	}

	@Nullable Snapshot snapshot(Object record) {
		return this.snapshots.get(record);
	}

	void forget(Object record) {
		this.snapshots.remove(record);
	}

	int size() {
		return this.snapshots.size();
	}

	/**
	 * The API names of the fields of a record that differ from its snapshot.
	 */
	<T> List<String> changedFields(ApiPersistentEntity<T> entity, T record, Snapshot snapshot) {
		List<Tracked<T>> tracked = tracked(entity);
		List<String> changed = new ArrayList<>();
		for (int i = 0; i < tracked.size(); i++) {
			long now = ValueFingerprint.of(tracked.get(i).field().get(record), entity.getCodec());
			if (now != snapshot.fingerprints()[i]) {
				changed.add(tracked.get(i).wireName());
			}
		}
		return changed;
	}

	/**
	 * The fingerprints of the fields of a record that can change, as they are now, in the
	 * order of {@link #wireNames}.
	 */
	<T> long[] fingerprints(ApiPersistentEntity<T> entity, T record) {
		return fingerprints(tracked(entity), entity, record);
	}

	/**
	 * The API names of the fields of a model that can change, in the order of their
	 * fingerprints.
	 */
	List<String> wireNames(ApiPersistentEntity<?> entity) {
		return tracked(entity).stream().map(Tracked::wireName).toList();
	}

	private static <T> Snapshot snapshot(List<Tracked<T>> tracked, ApiPersistentEntity<T> entity, T record,
			@Nullable String etag) {
		if (tracked.isEmpty()) {
			return (etag != null) ? new Snapshot(NONE, etag) : UNCHANGEABLE;
		}
		return new Snapshot(fingerprints(tracked, entity, record), etag);
	}

	private static <T> long[] fingerprints(List<Tracked<T>> tracked, ApiPersistentEntity<T> entity, T record) {
		if (tracked.isEmpty()) {
			return NONE;
		}
		long[] fingerprints = new long[tracked.size()];
		for (int i = 0; i < fingerprints.length; i++) {
			fingerprints[i] = ValueFingerprint.of(tracked.get(i).field().get(record), entity.getCodec());
		}
		return fingerprints;
	}

	@SuppressWarnings("unchecked")
	private <T> List<Tracked<T>> tracked(ApiPersistentEntity<T> entity) {
		return (List<Tracked<T>>) (List<?>) this.properties.computeIfAbsent(entity, (key) -> {
			List<Tracked<T>> list = new ArrayList<>();
			entity.doWithProperties((ApiPersistentProperty property) -> {
				RecordFields.Field<T> field = entity.getRecordFields().field(property.getWireName());
				if (field != null && !property.isIdProperty() && !unchangeable(property)) {
					list.add(new Tracked<>(property.getWireName(), field));
				}
			});
			// Relations, which Spring Data keeps apart, change when their ids do.
			entity.getRelations()
				.values()
				.forEach((relation) -> list.add(new Tracked<>(relation.wireName(), entity.getRelationIds(relation))));
			return List.copyOf(list);
		});
	}

	/**
	 * Whether a property's value can never change in an instance: a final field holding
	 * an immutable value.
	 */
	private static boolean unchangeable(ApiPersistentProperty property) {
		Field field = property.getField();
		if (field == null || !Modifier.isFinal(field.getModifiers())) {
			return false;
		}
		return ValueFingerprint.isValueType(field.getType());
	}

	/**
	 * What was last seen of a record.
	 *
	 * @param fingerprints the fingerprints of its fields that can change, in the entity's
	 * order
	 * @param etag the record's {@code ETag}, {@code null} when the API sent none
	 */
	record Snapshot(long[] fingerprints, @Nullable String etag) {

		/**
		 * The ETag to send in {@code If-Match}: a strong one only (RFC 9110 compares
		 * {@code If-Match} strongly, so a weak ETag never matches).
		 */
		@Nullable String strongEtag() {
			return (this.etag != null && !this.etag.startsWith("W/")) ? this.etag : null;
		}

	}

	private record Tracked<T>(String wireName, RecordFields.Field<T> field) {
	}

}
