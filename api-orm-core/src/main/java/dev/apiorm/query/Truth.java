package dev.apiorm.query;

/**
 * The answer of a lookup evaluated on a record, in Kleene's three-valued logic: a lookup
 * whose outcome depends on what the client cannot see (the database's collation, a field
 * the record does not carry) is {@link #UNKNOWN}, and only {@link #FALSE} counts as a
 * contradiction.
 */
public enum Truth {

	/** The record satisfies the lookup. */
	TRUE,

	/** The record contradicts the lookup. */
	FALSE,

	/** The client cannot tell. */
	UNKNOWN;

	/**
	 * The truth of a boolean.
	 * @param value the boolean
	 * @return {@link #TRUE} or {@link #FALSE}
	 */
	public static Truth of(boolean value) {
		return value ? TRUE : FALSE;
	}

	/**
	 * This and another: false when either is false, true when both are true.
	 * @param other the other truth
	 * @return the conjunction
	 */
	public Truth and(Truth other) {
		if (this == FALSE || other == FALSE) {
			return FALSE;
		}
		return (this == TRUE && other == TRUE) ? TRUE : UNKNOWN;
	}

	/**
	 * This or another: true when either is true, false when both are false.
	 * @param other the other truth
	 * @return the disjunction
	 */
	public Truth or(Truth other) {
		if (this == TRUE || other == TRUE) {
			return TRUE;
		}
		return (this == FALSE && other == FALSE) ? FALSE : UNKNOWN;
	}

	/**
	 * The negation; unknown stays unknown.
	 * @return the negation
	 */
	public Truth not() {
		return switch (this) {
			case TRUE -> FALSE;
			case FALSE -> TRUE;
			case UNKNOWN -> UNKNOWN;
		};
	}

}
