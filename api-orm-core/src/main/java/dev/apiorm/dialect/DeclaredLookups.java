package dev.apiorm.dialect;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Q;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.query.LookupOperator;

/**
 * The filters an API binds, as its application declares them. Servers built on Spring,
 * JSON:API libraries and many others bind only the request parameters their code names
 * and ignore the others: a lookup outside the declared ones is refused instead of being
 * sent to be ignored.
 */
public final class DeclaredLookups {

	private final String dialect;

	private final Set<LookupOperator> lookups;

	private final String exactParameter;

	private final String lookupParameter;

	private final boolean joinedIn;

	/**
	 * The lookups of an API.
	 * @param dialect the dialect's name, for messages
	 * @param lookups the lookups the API binds ({@code exact}, {@code in}, {@code gte},
	 * ...)
	 * @param exactParameter the parameter of {@code exact} and {@code in}, with
	 * {@code {field}} ({@code {field}}, {@code filter[{field}]})
	 * @param lookupParameter the parameter of any other lookup, with {@code {field}} and
	 * {@code {lookup}} ({@code {field}_{lookup}} for {@code pages_gte})
	 * @param joinedIn whether {@code in} is one parameter of comma-joined values rather
	 * than the parameter repeated
	 * @param property the prefix of the properties that declare them, for messages
	 * @throws ConfigurationException when a lookup or a pattern is invalid
	 */
	public DeclaredLookups(String dialect, Collection<String> lookups, String exactParameter, String lookupParameter,
			boolean joinedIn, String property) {
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
		if (!lookupParameter.contains("{field}")) {
			throw new ConfigurationException("Invalid value '" + lookupParameter + "' for " + property
					+ ".lookup-parameter: must contain {field} (and {lookup}), such as {field}_{lookup}");
		}
		this.lookups = operators;
		this.exactParameter = exactParameter;
		this.lookupParameter = lookupParameter;
		this.joinedIn = joinedIn;
	}

	/**
	 * Adds the parameters of a condition.
	 * @param filter the condition, {@code null} for none
	 * @param parameters where the encoded parameters are added
	 * @throws dev.apiorm.exception.UnsupportedQueryException naming the dialect for a
	 * lookup the API does not bind, OR, or a negation
	 */
	public void write(@Nullable Q filter, StringJoiner parameters) {
		for (Conditions.Lookup lookup : Conditions.conjunction(filter, this.dialect,
				"the API binds request parameters, which it combines with AND")) {
			Parameter parameter = parameter(lookup);
			if (parameter.values().isEmpty()) {
				throw lookup.unsupported(this.dialect, "an empty list matches nothing");
			}
			if (this.joinedIn && parameter.values().size() > 1) {
				parameters
					.add(QueryValues.encode(parameter.name()) + "=" + QueryValues.encodeJoined(parameter.values()));
				continue;
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

	/**
	 * The name of the parameter of a condition, as sent.
	 * @param condition a lookup
	 * @return the parameter's name
	 */
	public String parameterName(Q condition) {
		if (condition instanceof Q.Lookup || condition instanceof Q.Not) {
			return parameter(Conditions.conjunction(condition, this.dialect, "").get(0)).name();
		}
		return condition.toString();
	}

	private Parameter parameter(Conditions.Lookup lookup) {
		LookupOperator operator = lookup.requireOperator(this.dialect);
		if (lookup.negated()) {
			throw lookup.unsupported(this.dialect, "the API binds no negation");
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
			case EXACT -> new Parameter(exact(lookup.field()), List.of(value));
			case IN -> new Parameter(exact(lookup.field()), QueryValues.elements(value));
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

	private String exact(String field) {
		return this.exactParameter.replace("{field}", field);
	}

	private String parameter(LookupOperator operator, String field) {
		return this.lookupParameter.replace("{field}", field).replace("{lookup}", operator.suffix());
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
