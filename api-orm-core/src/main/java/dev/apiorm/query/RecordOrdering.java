package dev.apiorm.query;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An ordering compiled once against the fields of one kind of record, to check that
 * consecutive records come in the order asked for. Only the leading keys the records
 * carry are compared; a missing value (whose place databases disagree on) or text whose
 * order depends on the collation makes a pair {@link Truth#UNKNOWN}.
 *
 * @param <R> the record type
 */
public final class RecordOrdering<R> {

	private final List<Key<R>> keys;

	private RecordOrdering(List<Key<R>> keys) {
		this.keys = keys;
	}

	/**
	 * Compiles an ordering.
	 * @param ordering API field names, {@code -} first for descending
	 * @param fields the fields of the records
	 * @param <R> the record type
	 * @return the ordering
	 */
	public static <R> RecordOrdering<R> of(List<String> ordering, RecordFields<R> fields) {
		List<Key<R>> keys = new ArrayList<>();
		for (String entry : ordering) {
			boolean descending = entry.startsWith("-");
			String name = descending ? entry.substring(1) : entry;
			RecordFields.Field<R> field = fields.field(name);
			if (field == null) {
				// The keys after one the records do not carry order ties the client
				// cannot see.
				break;
			}
			keys.add(new Key<>(field, descending));
		}
		return new RecordOrdering<>(List.copyOf(keys));
	}

	/**
	 * Whether nothing of the ordering can be checked on records.
	 * @return {@code true} when no key is on the records
	 */
	public boolean isEmpty() {
		return this.keys.isEmpty();
	}

	/**
	 * Whether one record may come before another.
	 * @param previous the earlier record
	 * @param next the later record
	 * @return {@link Truth#FALSE} when the pair is out of order
	 */
	public Truth inOrder(R previous, R next) {
		for (Key<R> key : this.keys) {
			Integer order = key.compare(previous, next);
			if (order == null) {
				return Truth.UNKNOWN;
			}
			if (order != 0) {
				return Truth.of(order < 0);
			}
		}
		return Truth.TRUE;
	}

	private record Key<R>(RecordFields.Field<R> field, boolean descending) {

		@Nullable Integer compare(R previous, R next) {
			if (!this.field.isKnown(previous) || !this.field.isKnown(next)) {
				return null;
			}
			Object a = this.field.get(previous);
			Object b = this.field.get(next);
			if (a == null || b == null) {
				return null;
			}
			Integer order = Values.compare(a, b);
			if (order == null) {
				return null;
			}
			return this.descending ? -order : order;
		}

	}

}
