package dev.apiorm.dialect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>
 * A declared lookup is written with a template {@code name=value}: {@code exact} and
 * {@code in} with the exact parameter ({@code {field}=}), the others with the lookup
 * parameter ({@code {field}_{lookup}=}), unless a template of its own says otherwise,
 * such as {@code filter[{field}]=>{value}} for APIs that put the operator in the value.
 */
public final class DeclaredLookups {

	private final String dialect;

	private final String property;

	private final Map<LookupOperator, Template> templates = new EnumMap<>(LookupOperator.class);

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
	 * @param lookupTemplates templates of their own for some lookups, which they declare
	 * as bound: {@code name=value} with {@code {field}} and {@code {value}} ({@code gt}
	 * to {@code filter[{field}]=>{value}})
	 * @param joinedIn whether {@code in} is one parameter of comma-joined values rather
	 * than the parameter repeated
	 * @param property the prefix of the properties that declare them, for messages
	 * @throws ConfigurationException when a lookup or a pattern is invalid
	 */
	public DeclaredLookups(String dialect, Collection<String> lookups, String exactParameter, String lookupParameter,
			Map<String, String> lookupTemplates, boolean joinedIn, String property) {
		this.dialect = dialect;
		this.property = property;
		if (!lookupParameter.contains("{field}")) {
			throw new ConfigurationException("Invalid value '" + lookupParameter + "' for " + property
					+ ".lookup-parameter: must contain {field} (and {lookup}), such as {field}_{lookup}");
		}
		for (String lookup : lookups) {
			LookupOperator operator = operator(lookup, property + ".lookups");
			String name = (operator == LookupOperator.EXACT || operator == LookupOperator.IN) ? exactParameter
					: lookupParameter.replace("{lookup}", operator.suffix());
			this.templates.put(operator, new Template(name, "", ""));
		}
		lookupTemplates.forEach((lookup, template) -> this.templates
			.put(operator(lookup, property + ".lookup-templates"), Template.parse(template, property)));
		this.joinedIn = joinedIn;
	}

	private static LookupOperator operator(String lookup, String property) {
		LookupOperator operator = LookupOperator.ofSuffix(lookup.trim().toLowerCase(Locale.ROOT));
		if (operator == null || operator == LookupOperator.RANGE || operator == LookupOperator.ISNULL) {
			throw new ConfigurationException("Invalid value '" + lookup + "' for " + property
					+ ": must be lookups such as exact, in, gte, lte, icontains (a range is sent as gte and lte)");
		}
		return operator;
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
			parameters(lookup).forEach(parameters::add);
		}
	}

	/**
	 * The name of the parameter of a condition, as sent.
	 * @param condition a lookup
	 * @return the parameter's name
	 */
	public String parameterName(Q condition) {
		if (condition instanceof Q.Lookup || condition instanceof Q.Not) {
			Conditions.Lookup lookup = Conditions.conjunction(condition, this.dialect, "").get(0);
			LookupOperator operator = lookup.requireOperator(this.dialect);
			// A range is sent as its lower bound first.
			Template template = this.templates.get((operator == LookupOperator.RANGE) ? LookupOperator.GTE : operator);
			if (template != null) {
				return template.name().replace("{field}", lookup.field());
			}
		}
		return condition.toString();
	}

	private List<String> parameters(Conditions.Lookup lookup) {
		LookupOperator operator = lookup.requireOperator(this.dialect);
		if (lookup.negated()) {
			throw lookup.unsupported(this.dialect, "the API binds no negation");
		}
		Object value = lookup.value();
		if (value == null) {
			throw lookup.unsupported(this.dialect, "a request parameter cannot carry null");
		}
		String field = lookup.field();
		if (operator == LookupOperator.RANGE) {
			List<?> bounds = QueryValues.elements(value);
			Template lower = this.templates.get(LookupOperator.GTE);
			Template upper = this.templates.get(LookupOperator.LTE);
			if (bounds.size() != 2 || lower == null || upper == null) {
				throw lookup.unsupported(this.dialect,
						"a range of two bounds is written as gte and lte, which the API must both bind");
			}
			return List.of(lower.write(field, bounds.get(0)), upper.write(field, bounds.get(1)));
		}
		Template template = this.templates.get(operator);
		if (template == null) {
			throw lookup.unsupported(this.dialect,
					"the API binds " + (this.templates.isEmpty() ? "no filter" : "only " + names())
							+ " (declare the lookups it binds with " + this.property + ".lookups)");
		}
		if (operator != LookupOperator.IN) {
			return List.of(template.write(field, value));
		}
		List<?> values = QueryValues.elements(value);
		if (values.isEmpty()) {
			throw lookup.unsupported(this.dialect, "an empty list matches nothing");
		}
		if (!this.joinedIn) {
			List<String> repeated = new ArrayList<>();
			values.forEach((each) -> repeated.add(template.write(field, each)));
			return repeated;
		}
		StringJoiner joined = new StringJoiner(",");
		for (Object each : values) {
			String text = QueryValues.format(each);
			if (text.indexOf(',') >= 0) {
				throw lookup.unsupported(this.dialect,
						"the API separates the values of in with commas, and '" + text + "' holds one");
			}
			joined.add(QueryValues.encode(text));
		}
		return List.of(template.writeEncoded(field, joined.toString()));
	}

	private List<String> names() {
		return this.templates.keySet().stream().map(LookupOperator::suffix).toList();
	}

	/**
	 * How one lookup is written: the parameter's name, and the text around the value.
	 */
	private record Template(String name, String prefix, String suffix) {

		static Template parse(String template, String property) {
			int equals = template.indexOf('=');
			int value = template.indexOf("{value}");
			if (equals < 0 || value < equals || !template.substring(0, equals).contains("{field}")) {
				throw new ConfigurationException("Invalid value '" + template + "' for " + property
						+ ".lookup-templates: must be name=value with {field} in the name and {value} in the value, "
						+ "such as filter[{field}]=>{value}");
			}
			return new Template(template.substring(0, equals), template.substring(equals + 1, value),
					template.substring(value + "{value}".length()));
		}

		String write(String field, Object value) {
			return writeEncoded(field, QueryValues.encode(QueryValues.format(value)));
		}

		String writeEncoded(String field, String encodedValue) {
			return QueryValues.encode(this.name.replace("{field}", field)) + "=" + QueryValues.encode(this.prefix)
					+ encodedValue + QueryValues.encode(this.suffix);
		}

	}

}
