package dev.apiorm.core.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.apiorm.query.RecordFields;

/**
 * The fields of a model's instances, and the fields of their related records reached
 * along to-one relations by Django's {@code __} paths ({@code author__country},
 * {@code author__publisher__city}), so that a lookup or an ordering across a relation is
 * checked on the records an iteration returns, as those on the model's own fields are.
 * <p>
 * A related record the instance holds as a stub (read from the id the API sent, not yet
 * resolved) does not carry the related fields: lookups on it are
 * {@link dev.apiorm.query.Truth#UNKNOWN}, never contradicted. A stub that was resolved
 * ({@code related(...)}, {@code selectRelated}) is read through its whole record, and an
 * absent relation reads as {@code null}, as a database's join gives it
 * ({@code author__country=PT} excludes a book without author, {@code author__isnull}
 * includes it). A path through a to-many relation is not evaluated.
 *
 * @param <T> the model type
 */
final class RelationPathFields<T> implements RecordFields<T> {

	private final ApiPersistentEntity<T> entity;

	private final RecordFields<T> own;

	private final ReferenceStubs stubs;

	private final Map<String, Optional<Field<T>>> paths = new ConcurrentHashMap<>();

	RelationPathFields(ApiPersistentEntity<T> entity, RecordFields<T> own, ReferenceStubs stubs) {
		this.entity = entity;
		this.own = own;
		this.stubs = stubs;
	}

	@Override
	public @Nullable Field<T> field(String name) {
		Field<T> field = this.own.field(name);
		if (field != null || !name.contains("__")) {
			return field;
		}
		return this.paths.computeIfAbsent(name, (path) -> Optional.ofNullable(across(path))).orElse(null);
	}

	@SuppressWarnings("unchecked")
	private @Nullable Field<T> across(String path) {
		int split = path.indexOf("__");
		ApiRelation relation = this.entity.getRelation(path.substring(0, split));
		if (relation == null || relation.toMany()) {
			return null;
		}
		ApiPersistentEntity<Object> related = (ApiPersistentEntity<Object>) this.entity.getRelatedEntity(relation);
		Field<Object> inner = related.getRecordFields().field(path.substring(split + 2));
		return (inner != null) ? new AcrossRelation<>(this.entity, relation, inner, this.stubs) : null;
	}

	/**
	 * A field of the related record a to-one relation holds.
	 */
	private static final class AcrossRelation<T> implements Field<T> {

		private static final Object UNKNOWN = new Object();

		private final ApiPersistentEntity<T> owner;

		private final ApiRelation relation;

		private final Field<Object> inner;

		private final ReferenceStubs stubs;

		AcrossRelation(ApiPersistentEntity<T> owner, ApiRelation relation, Field<Object> inner, ReferenceStubs stubs) {
			this.owner = owner;
			this.relation = relation;
			this.inner = inner;
			this.stubs = stubs;
		}

		/**
		 * The related record as far as it is known: the whole record, {@code null} for
		 * none, {@link #UNKNOWN} for a stub not resolved.
		 */
		private @Nullable Object related(T record) {
			Object value = this.relation.value(this.owner, record);
			if (value == null || !this.stubs.isStub(value)) {
				return value;
			}
			Object resolved = this.stubs.resolved(value);
			return (resolved != null) ? resolved : UNKNOWN;
		}

		@Override
		public boolean isKnown(T record) {
			Object related = related(record);
			return related == null || (related != UNKNOWN && this.inner.isKnown(related));
		}

		@Override
		public @Nullable Object get(T record) {
			Object related = related(record);
			return (related == null || related == UNKNOWN) ? null : this.inner.get(related);
		}

		@Override
		public Object convert(Object value) {
			return this.inner.convert(value);
		}

		@Override
		public boolean isNullable() {
			return true;
		}

		@Override
		public boolean isIntegral() {
			return this.inner.isIntegral();
		}

	}

}
