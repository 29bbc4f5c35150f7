package dev.apiorm.dialect.spring;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Q;
import dev.apiorm.dialect.Conditions;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.query.LookupOperator;

/**
 * The filters a Spring application binds, as it declares them: Spring servers bind only
 * the request parameters their code names (Querydsl web support binds
 * {@code field=value}, several values as {@code in}), and ignore the others. A lookup
 * outside the declared ones is refused instead of being sent to be ignored.
 */
final class DeclaredLookups {

	private final String dialect;

	private final Set<LookupOperator> lookups;

	private final String format;

	/**
	 * @param dialect the dialect's name, for messages
	 * @param lookups the lookups the application binds ({@code exact}, {@code in},
	 * {@code gte}, ...)
	 * @param format the parameter of a lookup other than {@code exact} and {@code in},
	 * with {@code {field}} and {@code {lookup}} ({@code {field}_{lookup}} for
	 * {@code pages_gte})
	 * @param property the property that declares them, for messages
	 */
	DeclaredLookups(String dialect, Collection<String> lookups, String format, String property) {
		this.dialect = dialect;
		Set<LookupOperator> operators = EnumSet.noneOf(LookupOperator.class);
		for (String lookup : lookups) {
			LookupOperator operator = LookupOperator.ofSuffix(lookup.trim().toLowerCase(Locale.ROOT));
			if (operator == null) {
				throw new ConfigurationException("Invalid value '" + lookup + "' for " + property
						+ ".lookups: must be lookups such as exact, in, gte, lte, icontains");
			}
			operators.add(operator);
		}
		if (!format.contains("{field}")) {
			throw new ConfigurationException("Invalid value '" + format + "' for " + property
					+ ".lookup-parameter: must contain {field} (and {lookup}), such as {field}_{lookup}");
		}
		this.lookups = operators;
		this.format = format;
	}

	void write(@Nullable Q filter, StringJoiner parameters) {
		for (Conditions.Lookup lookup : Conditions.conjunction(filter, this.dialect,
				"Spring applications bind request parameters that are combined with AND")) {
			Parameter parameter = parameter(lookup);
			if (parameter.values().isEmpty()) {
				throw lookup.unsupported(this.dialect, "an empty list matches nothing");
			}
			for (Object value : parameter.values()) {
				parameters
					.add(QueryValues.encode(parameter.name()) + "=" + QueryValues.encode(QueryValues.format(value)));
			}
			String upperName = parameter.upperName();
			if (upperName != null) {
				parameters.add(QueryValues.encode(upperName) + "="
						+ QueryValues.encode(QueryValues.format(parameter.upper())));
			}
		}
	}

	String parameterName(Q condition) {
		if (condition instanceof Q.Lookup || condition instanceof Q.Not) {
			return parameter(Conditions.conjunction(condition, this.dialect, "").get(0)).name();
		}
		return condition.toString();
	}

	private Parameter parameter(Conditions.Lookup lookup) {
		LookupOperator operator = lookup.requireOperator(this.dialect);
		if (lookup.negated()) {
			throw lookup.unsupported(this.dialect, "a Spring application binds no negation of its own");
		}
		if (operator != LookupOperator.RANGE && !this.lookups.contains(operator)) {
			throw lookup.unsupported(this.dialect,
					"the application binds " + (this.lookups.isEmpty() ? "no filter" : "only " + names())
							+ " (declare the lookups it binds with api-orm." + this.dialect + ".lookups)");
		}
		Object value = lookup.value();
		if (value == null) {
			throw lookup.unsupported(this.dialect, "a request parameter cannot carry null");
		}
		return switch (operator) {
			case EXACT -> new Parameter(lookup.field(), List.of(value));
			case IN -> new Parameter(lookup.field(), QueryValues.elements(value));
			case RANGE -> {
				List<?> bounds = QueryValues.elements(value);
				if (bounds.size() != 2 || !this.lookups.contains(LookupOperator.GTE)
						|| !this.lookups.contains(LookupOperator.LTE)) {
					throw lookup.unsupported(this.dialect, "a range of two bounds is written as gte and lte, "
							+ "which the application must both bind");
				}
				yield new Parameter(parameter(LookupOperator.GTE, lookup.field()), List.of(bounds.get(0)),
						parameter(LookupOperator.LTE, lookup.field()), bounds.get(1));
			}
			default -> new Parameter(parameter(operator, lookup.field()), List.of(value));
		};
	}

	private String parameter(LookupOperator operator, String field) {
		return this.format.replace("{field}", field).replace("{lookup}", operator.suffix());
	}

	private List<String> names() {
		return this.lookups.stream().map(LookupOperator::suffix).toList();
	}

	/**
	 * The parameter of a lookup, and of its upper bound for a range.
	 */
	private record Parameter(String name, List<?> values, @Nullable String upperName, @Nullable Object upper) {

		Parameter(String name, List<?> values) {
			this(name, values, null, null);
		}

	}

}
