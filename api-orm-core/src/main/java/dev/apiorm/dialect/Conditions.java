package dev.apiorm.dialect;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Q;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.LookupOperator;

/**
 * A condition taken apart into the lookups a convention that combines parameters with AND
 * writes one by one.
 */
public final class Conditions {

	private Conditions() {
	}

	/**
	 * The lookups of a condition that is an AND of lookups and negated lookups.
	 * @param filter the condition, {@code null} for none
	 * @param dialect the dialect's name, for messages
	 * @param reason why the dialect cannot express OR, for messages
	 * @return the lookups, in order
	 * @throws UnsupportedQueryException naming the dialect when the condition holds an OR
	 * or a negation of anything but one lookup
	 */
	public static List<Lookup> conjunction(@Nullable Q filter, String dialect, String reason) {
		List<Lookup> lookups = new ArrayList<>();
		if (filter != null) {
			collect(filter, dialect, reason, lookups);
		}
		return lookups;
	}

	private static void collect(Q condition, String dialect, String reason, List<Lookup> lookups) {
		if (condition instanceof Q.And and) {
			and.conditions().forEach((each) -> collect(each, dialect, reason, lookups));
		}
		else if (condition instanceof Q.Or) {
			throw new UnsupportedQueryException(
					"The '" + dialect + "' dialect cannot express OR (" + condition + "): " + reason);
		}
		else if (condition instanceof Q.Not not && not.condition() instanceof Q.Lookup lookup) {
			lookups.add(Lookup.of(lookup, true));
		}
		else if (condition instanceof Q.Lookup lookup) {
			lookups.add(Lookup.of(lookup, false));
		}
		else {
			throw new UnsupportedQueryException("The '" + dialect + "' dialect cannot express " + condition
					+ ": only single lookups can be negated (exclude)");
		}
	}

	/**
	 * One lookup of a conjunction.
	 *
	 * @param lookup the lookup as written ({@code pages__gte})
	 * @param field the field's API name ({@code pages})
	 * @param operator the operator, {@code null} when the lookup names a relation or a
	 * lookup these conventions do not have ({@code author__name}, {@code year})
	 * @param value the value compared with
	 * @param negated whether the lookup is excluded
	 */
	public record Lookup(String lookup, String field, @Nullable LookupOperator operator, @Nullable Object value,
			boolean negated) {

		static Lookup of(Q.Lookup lookup, boolean negated) {
			String text = lookup.lookup();
			int split = text.lastIndexOf("__");
			LookupOperator operator = (split > 0) ? LookupOperator.ofSuffix(text.substring(split + 2)) : null;
			if (operator != null) {
				return new Lookup(text, text.substring(0, split), operator, lookup.value(), negated);
			}
			return new Lookup(text, text, text.contains("__") ? null : LookupOperator.EXACT, lookup.value(), negated);
		}

		/**
		 * The operator, for a dialect that expresses only the lookups of
		 * {@link LookupOperator} on the record's own fields.
		 * @param dialect the dialect's name, for the message
		 * @return the operator
		 * @throws UnsupportedQueryException when the lookup names a relation or another
		 * lookup
		 */
		public LookupOperator requireOperator(String dialect) {
			if (this.operator == null) {
				throw new UnsupportedQueryException("The '" + dialect + "' dialect cannot express the lookup '"
						+ this.lookup + "': it filters on a record's own fields with the lookups exact, iexact, "
						+ "contains, icontains, startswith, istartswith, endswith, iendswith, gt, gte, lt, lte, in, "
						+ "range and isnull, as far as the convention has them");
			}
			return this.operator;
		}

		/**
		 * The refusal of this lookup by a dialect.
		 * @param dialect the dialect's name
		 * @param why why the dialect cannot express it
		 * @return the exception to throw
		 */
		public UnsupportedQueryException unsupported(String dialect, String why) {
			return new UnsupportedQueryException("The '" + dialect + "' dialect cannot "
					+ (this.negated ? "exclude" : "express") + " '" + this.lookup + "': " + why);
		}

	}

}
