package dev.apiorm.core;

/**
 * What a client checks in the answers it gets before it believes them (API.md "Results
 * you can trust"). Each {@code withX} returns a copy with one value changed.
 *
 * @param verifyResults whether the records a query returns are checked against the query,
 * so that a filter, an ordering or a window the API ignored fails the call with an
 * {@link dev.apiorm.exception.IgnoredFilterException} instead of returning wrong records
 */
public record CheckSettings(boolean verifyResults) {

	/** The defaults: every result is verified. */
	public static final CheckSettings DEFAULTS = new CheckSettings(true);

	public CheckSettings withVerifyResults(boolean verifyResults) {
		return new CheckSettings(verifyResults);
	}

}
