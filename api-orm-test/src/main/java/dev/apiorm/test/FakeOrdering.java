package dev.apiorm.test;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiRelation;

/**
 * The order of a fake collection's {@code ordering=a,-b}, as DRF's {@code OrderingFilter}
 * over a database sorts it: numbers by value, text by code point (as PostgreSQL's C
 * collation and SQLite order it), false before true, missing values last, ties in the
 * order the records were created. A field across a to-one relation ({@code author__name})
 * orders by the related record's value, as a declared ordering field does.
 */
final class FakeOrdering {

	private final ApiPersistentEntity<?> entity;

	private final Function<ApiPersistentEntity<?>, FakeCollection> others;

	FakeOrdering(ApiPersistentEntity<?> entity, Function<ApiPersistentEntity<?>, FakeCollection> others) {
		this.entity = entity;
		this.others = others;
	}

	Comparator<Map<String, Object>> comparator(List<String> ordering) {
		Comparator<Map<String, Object>> comparator = (a, b) -> 0;
		for (String entry : ordering) {
			boolean descending = entry.startsWith("-");
			Function<Map<String, Object>, @Nullable Object> value = value(descending ? entry.substring(1) : entry);
			Comparator<Map<String, Object>> key = (a, b) -> compare(value.apply(a), value.apply(b));
			comparator = comparator.thenComparing(descending ? key.reversed() : key);
		}
		return comparator;
	}

	private Function<Map<String, Object>, @Nullable Object> value(String field) {
		int join = field.indexOf("__");
		ApiRelation relation = (join > 0) ? this.entity.getRelation(field.substring(0, join)) : null;
		if (relation == null || relation.toMany()) {
			return (record) -> record.get(field);
		}
		FakeCollection related = this.others.apply(this.entity.getRelatedEntity(relation));
		String wireName = relation.wireName();
		String rest = field.substring(join + 2);
		return (record) -> {
			Object id = record.get(wireName);
			Map<String, Object> target = (id != null) ? related.record(String.valueOf(id)) : null;
			return (target != null) ? target.get(rest) : null;
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(@Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : 1) : -1;
		}
		if (a instanceof Number x && b instanceof Number y) {
			return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
		}
		if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
			return comparable.compareTo(b);
		}
		return a.toString().compareTo(b.toString());
	}

}
