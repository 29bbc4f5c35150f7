package dev.apiorm.core.proof;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Q;
import dev.apiorm.query.LookupOperator;
import dev.apiorm.query.RecordFields;

/**
 * Writes, for a condition of a query and a record the API holds, a condition of the same
 * field and lookup that the record must satisfy: its witness. An API that honours the
 * lookup answers the witness with at least one record; an API that answers it with none
 * does not apply the parameter as the query means it.
 */
final class Witnesses {

	private Witnesses() {
	}

	/**
	 * The witness of a condition.
	 * @param condition a lookup, or a negated lookup
	 * @param record a record the API holds, as its fields
	 * @param fields reads the record's fields
	 * @return the witness, {@code null} when none can be written from this record (a
	 * relation, an unknown field, a null value, a strict bound on text)
	 */
	static @Nullable Q of(Q condition, Map<String, Object> record, RecordFields<Map<String, Object>> fields) {
		if (condition instanceof Q.Lookup lookup) {
			return lookup(lookup, record, fields);
		}
		if (condition instanceof Q.Not not && not.condition() instanceof Q.Lookup lookup) {
			return excluded(lookup, record, fields);
		}
		return null;
	}

	private static @Nullable Q lookup(Q.Lookup lookup, Map<String, Object> record,
			RecordFields<Map<String, Object>> fields) {
		Parsed parsed = Parsed.of(lookup.lookup());
		RecordFields.Field<Map<String, Object>> field = (parsed != null) ? fields.field(parsed.field()) : null;
		if (parsed == null || field == null) {
			return null;
		}
		Object value = field.get(record);
		if (parsed.operator() == LookupOperator.ISNULL) {
			return Q.of(lookup.lookup(), value == null);
		}
		if (value == null || value instanceof Map || value instanceof List) {
			return null;
		}
		return switch (parsed.operator()) {
			case EXACT, GTE, LTE -> Q.of(lookup.lookup(), value);
			case IEXACT, CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH ->
				(value instanceof String) ? Q.of(lookup.lookup(), value) : null;
			case IN -> Q.of(lookup.lookup(), List.of(value));
			case RANGE -> Q.of(lookup.lookup(), List.of(value, value));
			case GT -> step(lookup.lookup(), value, field, -1);
			case LT -> step(lookup.lookup(), value, field, 1);
			case ISNULL -> null;
		};
	}

	/**
	 * {@code exclude(field=x)} holds for the record when {@code x} is not its value.
	 */
	private static @Nullable Q excluded(Q.Lookup lookup, Map<String, Object> record,
			RecordFields<Map<String, Object>> fields) {
		Parsed parsed = Parsed.of(lookup.lookup());
		if (parsed == null || parsed.operator() != LookupOperator.EXACT) {
			return null;
		}
		RecordFields.Field<Map<String, Object>> field = fields.field(parsed.field());
		Object value = (field != null) ? field.get(record) : null;
		Object other = null;
		if (value instanceof String text) {
			other = text + " (none)";
		}
		else if (value instanceof Boolean bool) {
			other = !bool;
		}
		else if (value instanceof Integer || value instanceof Long) {
			other = ((Number) value).longValue() + 1;
		}
		return (other != null) ? new Q.Not(Q.of(lookup.lookup(), other)) : null;
	}

	/**
	 * A strict bound the record's value lies beyond: one less (or more) than a number or
	 * a date, none for text, whose order the API's collation decides.
	 */
	private static @Nullable Q step(String lookup, Object raw, RecordFields.Field<Map<String, Object>> field,
			int direction) {
		Object value;
		try {
			value = field.convert(raw);
		}
		catch (RuntimeException ex) {
			return null;
		}
		Object bound = null;
		if (value instanceof Integer number) {
			bound = (long) number + direction;
		}
		else if (value instanceof Long number && number != Long.MIN_VALUE && number != Long.MAX_VALUE) {
			bound = number + direction;
		}
		else if (value instanceof BigInteger number) {
			bound = number.add(BigInteger.valueOf(direction));
		}
		else if (value instanceof BigDecimal number) {
			bound = number.add(BigDecimal.valueOf(direction));
		}
		else if (value instanceof Double number && Double.isFinite(number)) {
			bound = number + direction;
		}
		else if (value instanceof LocalDate date) {
			bound = date.plusDays(direction);
		}
		else if (value instanceof LocalDateTime time) {
			bound = time.plusDays(direction);
		}
		else if (value instanceof OffsetDateTime time) {
			bound = time.plusDays(direction);
		}
		else if (value instanceof ZonedDateTime time) {
			bound = time.plusDays(direction);
		}
		return (bound != null) ? Q.of(lookup, bound) : null;
	}

	/**
	 * A lookup split into its field and operator; {@code null} for a relation.
	 */
	private record Parsed(String field, LookupOperator operator) {

		static @Nullable Parsed of(String lookup) {
			int split = lookup.lastIndexOf("__");
			LookupOperator operator = (split > 0) ? LookupOperator.ofSuffix(lookup.substring(split + 2)) : null;
			String name = (operator != null) ? lookup.substring(0, split) : lookup;
			if (name.contains("__")) {
				return null;
			}
			return new Parsed(name, (operator != null) ? operator : LookupOperator.EXACT);
		}

	}

}
