package dev.apiorm.query;

import java.util.List;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;

/**
 * The Django lookups a client can evaluate on a record, with Django's semantics: a
 * comparison with a missing value ({@code null}) is false, as in SQL, except for
 * {@code isnull}; text lookups follow the database's rules where the client can see them
 * and answer {@link Truth#UNKNOWN} where the collation decides.
 */
public enum LookupOperator {

	/** {@code exact}, also the bare field name. */
	EXACT("exact"),

	/** {@code iexact}. */
	IEXACT("iexact"),

	/** {@code contains}. */
	CONTAINS("contains"),

	/** {@code icontains}. */
	ICONTAINS("icontains"),

	/** {@code startswith}. */
	STARTSWITH("startswith"),

	/** {@code istartswith}. */
	ISTARTSWITH("istartswith"),

	/** {@code endswith}. */
	ENDSWITH("endswith"),

	/** {@code iendswith}. */
	IENDSWITH("iendswith"),

	/** {@code gt}. */
	GT("gt"),

	/** {@code gte}. */
	GTE("gte"),

	/** {@code lt}. */
	LT("lt"),

	/** {@code lte}. */
	LTE("lte"),

	/** {@code in}: the operand is a list. */
	IN("in"),

	/** {@code range}: the operand is a list of the two inclusive bounds. */
	RANGE("range"),

	/** {@code isnull}: the operand is a boolean. */
	ISNULL("isnull");

	private final String suffix;

	LookupOperator(String suffix) {
		this.suffix = suffix;
	}

	/**
	 * The lookup as written after {@code __}.
	 * @return the suffix
	 */
	public String suffix() {
		return this.suffix;
	}

	/**
	 * The operator of a suffix.
	 * @param suffix the text after the last {@code __}
	 * @return the operator, {@code null} when the suffix is not one of these lookups
	 */
	public static @Nullable LookupOperator ofSuffix(String suffix) {
		for (LookupOperator operator : values()) {
			if (operator.suffix.equals(suffix)) {
				return operator;
			}
		}
		return null;
	}

	/**
	 * Whether the operator compares text and so needs a text operand.
	 * @return {@code true} for the text lookups
	 */
	public boolean isText() {
		return switch (this) {
			case CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH -> true;
			default -> false;
		};
	}

	/**
	 * Evaluates this lookup on a value.
	 * @param value the record's value, {@code null} when missing
	 * @param operand the query's value converted to the field's type: a list for
	 * {@link #IN} and {@link #RANGE}, a {@link Boolean} for {@link #ISNULL}, a string for
	 * the text lookups
	 * @return the truth
	 */
	public Truth test(@Nullable Object value, Object operand) {
		if (this == ISNULL) {
			return Truth.of((value == null) == (Boolean) operand);
		}
		if (value == null) {
			return Truth.FALSE;
		}
		return switch (this) {
			case EXACT -> Values.equal(value, operand, false);
			case IEXACT -> Values.equal(value, operand, true);
			case CONTAINS -> text(value, operand, false, Values.TextMatch.CONTAINS);
			case ICONTAINS -> text(value, operand, true, Values.TextMatch.CONTAINS);
			case STARTSWITH -> text(value, operand, false, Values.TextMatch.STARTS_WITH);
			case ISTARTSWITH -> text(value, operand, true, Values.TextMatch.STARTS_WITH);
			case ENDSWITH -> text(value, operand, false, Values.TextMatch.ENDS_WITH);
			case IENDSWITH -> text(value, operand, true, Values.TextMatch.ENDS_WITH);
			case GT -> order(value, operand, (c) -> c > 0);
			case GTE -> order(value, operand, (c) -> c >= 0);
			case LT -> order(value, operand, (c) -> c < 0);
			case LTE -> order(value, operand, (c) -> c <= 0);
			case IN -> in(value, (List<?>) operand);
			case RANGE -> {
				List<?> bounds = (List<?>) operand;
				yield order(value, bounds.get(0), (c) -> c >= 0).and(order(value, bounds.get(1), (c) -> c <= 0));
			}
			case ISNULL -> throw new IllegalStateException("isnull is evaluated above");
		};
	}

	private static Truth text(Object value, Object operand, boolean ignoreCase, Values.TextMatch match) {
		if (!(value instanceof CharSequence text)) {
			return Truth.UNKNOWN;
		}
		return Values.text(text.toString(), prepared(operand), ignoreCase, match);
	}

	/**
	 * Prepares a text operand once, so that each record costs only its own foldings.
	 * @param operand a query value as {@link #test} takes it
	 * @return the value to pass to {@link #test} instead
	 */
	static Object prepare(LookupOperator operator, Object operand) {
		if (operator == IN && operand instanceof List<?> values) {
			return values.stream()
				.map((value) -> (value instanceof String text) ? Values.Text.of(text) : value)
				.toList();
		}
		if ((operator.isText() || operator == EXACT || operator == IEXACT) && operand instanceof String text) {
			return Values.Text.of(text);
		}
		return operand;
	}

	private static Values.Text prepared(Object operand) {
		return (operand instanceof Values.Text text) ? text : Values.Text.of(operand.toString());
	}

	private static Truth order(Object value, @Nullable Object operand, IntPredicate holds) {
		if (operand == null) {
			return Truth.FALSE;
		}
		Integer order = Values.compare(value, operand);
		return (order != null) ? Truth.of(holds.test(order)) : Truth.UNKNOWN;
	}

	private static Truth in(Object value, List<?> operands) {
		Truth any = Truth.FALSE;
		for (Object operand : operands) {
			if (operand != null) {
				any = any.or(Values.equal(value, operand, false));
				if (any == Truth.TRUE) {
					return any;
				}
			}
		}
		return any;
	}

}
