package dev.apiorm.query;

import org.jspecify.annotations.Nullable;

/**
 * How the fields of one kind of record are read, by their API names, for the lookups and
 * orderings evaluated on records.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface RecordFields<R> {

	/**
	 * A field of the records.
	 * @param name the field's API name (or Java property name)
	 * @return the field, {@code null} when the records do not carry it
	 */
	@Nullable Field<R> field(String name);

	/**
	 * One field of a record.
	 *
	 * @param <R> the record type
	 */
	interface Field<R> {

		/**
		 * The field's value in a record.
		 * @param record the record
		 * @return the value, {@code null} when missing
		 */
		@Nullable Object get(R record);

		/**
		 * Converts a query value to the field's type, as the API converts the parameter.
		 * @param value the value as the query holds it, never {@code null}
		 * @return the converted value
		 * @throws IllegalArgumentException when the value cannot be converted
		 */
		Object convert(Object value);

		/**
		 * Whether a record carries the field's value at all: a field read across a
		 * relation that the record holds only by its id does not, and its lookups are
		 * {@link Truth#UNKNOWN} on that record.
		 * @param record the record
		 * @return {@code false} when the value cannot be known from the record
		 */
		default boolean isKnown(R record) {
			return true;
		}

		/**
		 * Whether the field can hold no value; a primitive cannot tell a missing value
		 * from zero.
		 * @return {@code false} for primitives
		 */
		default boolean isNullable() {
			return true;
		}

		/**
		 * Whether the field holds whole numbers, whose comparison with a fractional value
		 * a database rounds.
		 * @return {@code true} for integer types
		 */
		default boolean isIntegral() {
			return false;
		}

	}

}
