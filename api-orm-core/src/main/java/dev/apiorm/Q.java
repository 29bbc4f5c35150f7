package dev.apiorm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A filter condition built from Django lookups, combinable with {@link #and}, {@link #or}
 * and {@link #negate}.
 * <p>
 * {@code Q.of("age__gte", 18).and(Q.of("role", "admin"))}. A dialect that cannot express
 * a combination rejects it when the query is built, with an
 * {@link dev.apiorm.exception.UnsupportedQueryException}.
 */
public sealed interface Q permits Q.Lookup, Q.And, Q.Or, Q.Not {

	/**
	 * A single lookup such as {@code age__gte = 18}.
	 * @param lookup the field name with an optional {@code __lookup} suffix
	 * @param value the value; {@code null} means "is null"
	 * @return the condition
	 */
	static Q of(String lookup, @Nullable Object value) {
		return new Lookup(lookup, value);
	}

	/**
	 * All the lookups of the map, combined with AND, in the map's order.
	 * @param lookups lookups and their values
	 * @return the condition
	 */
	static Q of(Map<String, ?> lookups) {
		Assert.notNull(lookups, "lookups must not be null");
		Assert.isTrue(!lookups.isEmpty(), "lookups must not be empty");
		List<Q> parts = new ArrayList<>(lookups.size());
		lookups.forEach((lookup, value) -> parts.add(new Lookup(lookup, value)));
		return (parts.size() == 1) ? parts.get(0) : new And(parts);
	}

	/**
	 * Both this condition and the other.
	 * @param other the other condition
	 * @return the combined condition
	 */
	default Q and(Q other) {
		Assert.notNull(other, "other must not be null");
		List<Q> parts = new ArrayList<>();
		addFlattened(parts, this, And.class);
		addFlattened(parts, other, And.class);
		return new And(parts);
	}

	/**
	 * This condition or the other.
	 * @param other the other condition
	 * @return the combined condition
	 */
	default Q or(Q other) {
		Assert.notNull(other, "other must not be null");
		List<Q> parts = new ArrayList<>();
		addFlattened(parts, this, Or.class);
		addFlattened(parts, other, Or.class);
		return new Or(parts);
	}

	/**
	 * The negation of this condition; negating twice gives the original back.
	 * @return the negated condition
	 */
	default Q negate() {
		return (this instanceof Not not) ? not.condition() : new Not(this);
	}

	private static void addFlattened(List<Q> parts, Q q, Class<? extends Q> kind) {
		if (kind == And.class && q instanceof And and) {
			parts.addAll(and.conditions());
		}
		else if (kind == Or.class && q instanceof Or or) {
			parts.addAll(or.conditions());
		}
		else {
			parts.add(q);
		}
	}

	/**
	 * One lookup: a field name with an optional {@code __lookup} suffix, and its value.
	 *
	 * @param lookup the lookup, such as {@code name__icontains}
	 * @param value the value, {@code null} for "is null"
	 */
	record Lookup(String lookup, @Nullable Object value) implements Q {

		public Lookup {
			Assert.hasText(lookup, "lookup must not be empty");
		}

	}

	/**
	 * Every condition holds.
	 *
	 * @param conditions the conditions, at least two
	 */
	record And(List<Q> conditions) implements Q {

		public And {
			conditions = Collections.unmodifiableList(new ArrayList<>(conditions));
		}

	}

	/**
	 * At least one condition holds.
	 *
	 * @param conditions the conditions, at least two
	 */
	record Or(List<Q> conditions) implements Q {

		public Or {
			conditions = Collections.unmodifiableList(new ArrayList<>(conditions));
		}

	}

	/**
	 * The condition does not hold.
	 *
	 * @param condition the negated condition
	 */
	record Not(Q condition) implements Q {

		public Not {
			Assert.notNull(condition, "condition must not be null");
		}

	}

}
