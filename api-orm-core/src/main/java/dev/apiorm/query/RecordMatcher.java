package dev.apiorm.query;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.apiorm.Q;
import org.jspecify.annotations.Nullable;

/**
 * A condition compiled once against the fields of one kind of record, then evaluated on
 * each record a query returns: lookups are parsed, fields resolved and query values
 * converted to the fields' types when the matcher is made, so a record costs only the
 * reads and comparisons.
 * <p>
 * Lookups the client cannot evaluate (a field the records do not carry, a relation such
 * as {@code author__name} where the record holds the author by id only, a lookup such as
 * {@code year} or {@code search}) are {@link Truth#UNKNOWN} and never contradicted.
 *
 * @param <R> the record type
 */
public final class RecordMatcher<R> {

	private static final RecordMatcher<?> NONE = new RecordMatcher<>(new Unknown<>());

	private final Node<R> root;

	private RecordMatcher(Node<R> root) {
		this.root = root;
	}

	/**
	 * Compiles a condition.
	 * @param condition the condition, {@code null} for none
	 * @param fields the fields of the records
	 * @param <R> the record type
	 * @return the matcher
	 */
	@SuppressWarnings("unchecked")
	public static <R> RecordMatcher<R> of(@Nullable Q condition, RecordFields<R> fields) {
		if (condition == null) {
			return (RecordMatcher<R>) NONE;
		}
		Node<R> root = compile(condition, fields);
		return (root instanceof Unknown) ? (RecordMatcher<R>) NONE : new RecordMatcher<>(root);
	}

	/**
	 * Whether nothing of the condition can be evaluated on a record.
	 * @return {@code true} when every record is {@link Truth#UNKNOWN}
	 */
	public boolean isEmpty() {
		return this.root instanceof Unknown;
	}

	/**
	 * Evaluates the condition on a record.
	 * @param record the record
	 * @return the truth
	 */
	public Truth test(R record) {
		return this.root.test(record);
	}

	/**
	 * The part of the condition a record contradicts: a lookup, a negated lookup, or the
	 * smallest combination that is false as a whole.
	 * @param record the record
	 * @return the contradicted condition, {@code null} when the record does not
	 * contradict the condition
	 */
	public @Nullable Q contradiction(R record) {
		return this.root.contradiction(record);
	}

	private static <R> Node<R> compile(Q condition, RecordFields<R> fields) {
		if (condition instanceof Q.Lookup lookup) {
			return compileLookup(lookup, fields);
		}
		if (condition instanceof Q.Not not) {
			Node<R> child = compile(not.condition(), fields);
			return (child instanceof Unknown) ? child : new NotNode<>(not, child);
		}
		if (condition instanceof Q.And and) {
			List<Node<R>> children = new ArrayList<>();
			for (Q part : and.conditions()) {
				Node<R> child = compile(part, fields);
				if (!(child instanceof Unknown)) {
					children.add(child);
				}
			}
			return children.isEmpty() ? new Unknown<>()
					: (children.size() == 1) ? children.get(0) : new AndNode<>(children);
		}
		Q.Or or = (Q.Or) condition;
		List<Node<R>> children = new ArrayList<>();
		for (Q part : or.conditions()) {
			Node<R> child = compile(part, fields);
			if (child instanceof Unknown) {
				// One part the client cannot evaluate may hold for any record.
				return child;
			}
			children.add(child);
		}
		return new OrNode<>(or, children);
	}

	private static <R> Node<R> compileLookup(Q.Lookup lookup, RecordFields<R> fields) {
		String text = lookup.lookup();
		int split = text.lastIndexOf("__");
		LookupOperator operator = (split > 0) ? LookupOperator.ofSuffix(text.substring(split + 2)) : null;
		String name = (operator != null) ? text.substring(0, split) : text;
		if (operator == null) {
			operator = LookupOperator.EXACT;
		}
		RecordFields.Field<R> field = fields.field(name);
		if (field == null) {
			return new Unknown<>();
		}
		Object value = lookup.value();
		if (value == null) {
			if (operator != LookupOperator.EXACT && operator != LookupOperator.IEXACT) {
				return new Unknown<>();
			}
			operator = LookupOperator.ISNULL;
			value = Boolean.TRUE;
		}
		if (operator == LookupOperator.ISNULL && !field.isNullable()) {
			return new Unknown<>();
		}
		try {
			Object operand = operand(operator, value, field);
			return (operand != null)
					? new LookupNode<>(lookup, field, operator, LookupOperator.prepare(operator, operand))
					: new Unknown<>();
		}
		catch (RuntimeException ex) {
			// A value the client cannot convert is the API's to interpret.
			return new Unknown<>();
		}
	}

	private static <R> @Nullable Object operand(LookupOperator operator, Object value, RecordFields.Field<R> field) {
		return switch (operator) {
			case ISNULL -> bool(value);
			case IN -> {
				List<Object> converted = new ArrayList<>();
				for (Object element : elements(value)) {
					Object operand = (element != null) ? scalar(element, field) : null;
					if (element != null && operand == null) {
						yield null;
					}
					converted.add(operand);
				}
				yield converted;
			}
			case RANGE -> {
				List<?> bounds = elements(value);
				if (bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null) {
					yield null;
				}
				Object low = scalar(bounds.get(0), field);
				Object high = scalar(bounds.get(1), field);
				yield (low != null && high != null) ? List.of(low, high) : null;
			}
			default -> operator.isText() ? text(value) : scalar(value, field);
		};
	}

	private static <R> @Nullable Object scalar(Object value, RecordFields.Field<R> field) {
		if (field.isIntegral() && Values.isFractional(value)) {
			// The database rounds the value to the column's type first.
			return null;
		}
		return field.convert(value);
	}

	private static String text(Object value) {
		return (value instanceof Enum<?> constant) ? constant.name() : value.toString();
	}

	private static @Nullable Boolean bool(Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		return switch (value.toString()) {
			case "true", "True", "1" -> Boolean.TRUE;
			case "false", "False", "0" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static List<?> elements(Object value) {
		if (value instanceof Collection<?> collection) {
			return new ArrayList<>(collection);
		}
		if (value.getClass().isArray()) {
			List<Object> elements = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				elements.add(Array.get(value, i));
			}
			return elements;
		}
		List<Object> single = new ArrayList<>();
		for (String part : value.toString().split(",", -1)) {
			single.add(part);
		}
		return single;
	}

	private interface Node<R> {

		Truth test(R record);

		@Nullable Q contradiction(R record);

	}

	private static final class Unknown<R> implements Node<R> {

		@Override
		public Truth test(R record) {
			return Truth.UNKNOWN;
		}

		@Override
		public @Nullable Q contradiction(R record) {
			return null;
		}

	}

	private record LookupNode<R>(Q.Lookup source, RecordFields.Field<R> field, LookupOperator operator,
			Object operand) implements Node<R> {

		@Override
		public Truth test(R record) {
			if (!this.field.isKnown(record)) {
				return Truth.UNKNOWN;
			}
			return this.operator.test(this.field.get(record), this.operand);
		}

		@Override
		public @Nullable Q contradiction(R record) {
			return (test(record) == Truth.FALSE) ? this.source : null;
		}

	}

	private record NotNode<R>(Q.Not source, Node<R> child) implements Node<R> {

		@Override
		public Truth test(R record) {
			return this.child.test(record).not();
		}

		@Override
		public @Nullable Q contradiction(R record) {
			return (test(record) == Truth.FALSE) ? this.source : null;
		}

	}

	private record AndNode<R>(List<Node<R>> children) implements Node<R> {

		@Override
		public Truth test(R record) {
			Truth all = Truth.TRUE;
			for (Node<R> child : this.children) {
				all = all.and(child.test(record));
				if (all == Truth.FALSE) {
					return all;
				}
			}
			return all;
		}

		@Override
		public @Nullable Q contradiction(R record) {
			for (Node<R> child : this.children) {
				Q contradicted = child.contradiction(record);
				if (contradicted != null) {
					return contradicted;
				}
			}
			return null;
		}

	}

	private record OrNode<R>(Q.Or source, List<Node<R>> children) implements Node<R> {

		@Override
		public Truth test(R record) {
			Truth any = Truth.FALSE;
			for (Node<R> child : this.children) {
				any = any.or(child.test(record));
				if (any == Truth.TRUE) {
					return any;
				}
			}
			return any;
		}

		@Override
		public @Nullable Q contradiction(R record) {
			return (test(record) == Truth.FALSE) ? this.source : null;
		}

	}

}
