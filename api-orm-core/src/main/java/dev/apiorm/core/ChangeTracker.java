package dev.apiorm.core;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiPersistentProperty;
import dev.apiorm.query.RecordFields;

/**
 * Remembers, for each instance a client handed out, the field values it last saw from the
 * server and the record's {@code ETag}, held weakly by the instance's identity: what an
 * application drops is forgotten. Simple values are kept as they are (they cannot
 * change); collections, maps, arrays and nested objects as JSON trees, so that changes
 * inside them are seen.
 */
final class ChangeTracker {

	private final WeakIdentityMap<Object, Snapshot> snapshots = new WeakIdentityMap<>();

	private final Map<ApiPersistentEntity<?>, List<Tracked<?>>> properties = new ConcurrentHashMap<>();

	<T> void track(ApiPersistentEntity<T> entity, T record, @Nullable String etag) {
		List<Tracked<T>> tracked = tracked(entity);
		Object[] values = new Object[tracked.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = copy(entity, tracked.get(i).field().get(record));
		}
		this.snapshots.put(record, new Snapshot(values, etag));
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
			Object now = copy(entity, tracked.get(i).field().get(record));
			if (!Objects.equals(now, snapshot.values()[i])) {
				changed.add(tracked.get(i).wireName());
			}
		}
		return changed;
	}

	@SuppressWarnings("unchecked")
	private <T> List<Tracked<T>> tracked(ApiPersistentEntity<T> entity) {
		return (List<Tracked<T>>) (List<?>) this.properties.computeIfAbsent(entity, (key) -> {
			List<Tracked<T>> list = new ArrayList<>();
			entity.doWithProperties((ApiPersistentProperty property) -> {
				RecordFields.Field<T> field = entity.getRecordFields().field(property.getWireName());
				if (field != null && !property.isIdProperty()) {
					list.add(new Tracked<>(property.getWireName(), field));
				}
			});
			return List.copyOf(list);
		});
	}

	private static @Nullable Object copy(ApiPersistentEntity<?> entity, @Nullable Object value) {
		if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?> || value instanceof TemporalAccessor || value instanceof UUID
				|| value instanceof Character) {
			return value;
		}
		return entity.getCodec().convertValue(value, JsonNode.class);
	}

	/**
	 * What was last seen of a record.
	 *
	 * @param values the values of its tracked fields, in the entity's order
	 * @param etag the record's {@code ETag}, {@code null} when the API sent none
	 */
	record Snapshot(@Nullable Object[] values, @Nullable String etag) {

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
