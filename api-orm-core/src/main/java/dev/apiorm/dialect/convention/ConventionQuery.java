package dev.apiorm.dialect.convention;

import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Q;
import dev.apiorm.dialect.Conditions;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.LookupOperator;

/**
 * The query parameters of a convention: its lookups and ordering compiled from a
 * {@link ConventionDescription} once, then written per query. What the description has no
 * template for is refused naming the convention.
 */
final class ConventionQuery {

	private static final Set<String> KINDS = Set.of("text", "number", "boolean", "date");

	private final String dialect;

	private final String property;

	private final Map<LookupOperator, ParameterTemplate> lookups;

	private final Map<LookupOperator, ParameterTemplate> negated;

	private final @Nullable String inJoiner;

	private final Set<String> valueKinds;

	private final @Nullable ConventionOrdering ordering;

	ConventionQuery(String dialect, ConventionDescription description, String property) {
		this.dialect = dialect;
		this.property = property;
		ConventionDescription.Filters filters = description.filters();
		this.lookups = templates(filters.lookups(), property + ".filters.lookups");
		this.negated = templates(filters.negated(), property + ".filters.negated");
		this.inJoiner = filters.inJoiner();
		for (String kind : filters.valueKinds()) {
			if (!KINDS.contains(kind)) {
				throw new ConfigurationException("Invalid value '" + kind + "' for " + property
						+ ".filters.value-kinds: must be among " + KINDS);
			}
		}
		this.valueKinds = filters.valueKinds().isEmpty() ? KINDS : Set.copyOf(filters.valueKinds());
		this.ordering = ConventionOrdering.of(dialect, description.ordering(), property + ".ordering");
	}

	private static Map<LookupOperator, ParameterTemplate> templates(Map<String, String> templates, String property) {
		Map<LookupOperator, ParameterTemplate> compiled = new EnumMap<>(LookupOperator.class);
		templates.forEach((lookup, template) -> {
			LookupOperator operator = LookupOperator.ofSuffix(lookup.trim().toLowerCase(Locale.ROOT));
			if (operator == null || operator == LookupOperator.RANGE || operator == LookupOperator.ISNULL) {
				throw new ConfigurationException("Invalid key '" + lookup + "' of " + property
						+ ": must be a lookup such as exact, iexact, icontains, gt, gte, lt, lte or in "
						+ "(a range is written as gte and lte)");
			}
			compiled.put(operator, ParameterTemplate.parse(template, property + "." + lookup, true, true));
		});
		return compiled;
	}

	/**
	 * The parameters of a condition and an ordering.
	 */
	String write(@Nullable Q filter, List<String> ordering) {
		StringJoiner parameters = new StringJoiner("&");
		for (Conditions.Lookup lookup : Conditions.conjunction(filter, this.dialect,
				"the convention combines its parameters with AND")) {
			write(lookup, parameters);
		}
		if (!ordering.isEmpty()) {
			if (this.ordering == null) {
				throw new UnsupportedQueryException("The '" + this.dialect + "' dialect cannot order by " + ordering
						+ ": describe how with " + this.property + ".ordering.*");
			}
			this.ordering.write(ordering, parameters);
		}
		return parameters.toString();
	}

	private void write(Conditions.Lookup lookup, StringJoiner parameters) {
		LookupOperator operator = lookup.requireOperator(this.dialect);
		Object value = lookup.value();
		if (value == null) {
			throw lookup.unsupported(this.dialect, "a request parameter of this convention cannot carry null");
		}
		Map<LookupOperator, ParameterTemplate> templates = lookup.negated() ? this.negated : this.lookups;
		String kind = lookup.negated() ? "filters.negated" : "filters.lookups";
		if (operator == LookupOperator.RANGE) {
			List<?> bounds = QueryValues.elements(value);
			ParameterTemplate lower = templates.get(LookupOperator.GTE);
			ParameterTemplate upper = templates.get(LookupOperator.LTE);
			if (lookup.negated() || bounds.size() != 2 || lower == null || upper == null) {
				throw lookup.unsupported(this.dialect, "a range of two bounds is written with the templates of gte "
						+ "and lte, which " + this.property + ".filters.lookups must both hold");
			}
			parameters.add(lower.write(lookup.field(), encoded(lookup, bounds.get(0))));
			parameters.add(upper.write(lookup.field(), encoded(lookup, bounds.get(1))));
			return;
		}
		ParameterTemplate template = templates.get(operator);
		if (template == null) {
			throw lookup.unsupported(this.dialect, "the convention has no template for '" + operator.suffix() + "' ("
					+ this.property + "." + kind + " holds " + names(templates) + ")");
		}
		if (operator != LookupOperator.IN) {
			parameters.add(template.write(lookup.field(), encoded(lookup, value)));
			return;
		}
		List<?> values = QueryValues.elements(value);
		if (values.isEmpty()) {
			throw lookup.unsupported(this.dialect, "an empty list matches nothing");
		}
		if (this.inJoiner == null) {
			values.forEach((each) -> parameters.add(template.write(lookup.field(), encoded(lookup, each))));
			return;
		}
		StringJoiner joined = new StringJoiner(joiner(this.inJoiner));
		for (Object each : values) {
			String text = QueryValues.format(each);
			if (text.contains(this.inJoiner)) {
				throw lookup.unsupported(this.dialect, "the convention joins the values of in with '" + this.inJoiner
						+ "', and '" + text + "' holds it");
			}
			joined.add(encoded(lookup, each));
		}
		parameters.add(template.write(lookup.field(), joined.toString()));
	}

	/**
	 * A joiner as sent: percent-encoded, but for commas, which query strings carry as
	 * they are ({@code order=pages.desc,title.asc}).
	 */
	static String joiner(String joiner) {
		return QueryValues.encode(joiner).replace("%2C", ",");
	}

	private String encoded(Conditions.Lookup lookup, @Nullable Object value) {
		String kind = kind(value);
		if (!this.valueKinds.contains(kind)) {
			throw lookup.unsupported(this.dialect, "the server compares only " + this.valueKinds + " values ("
					+ this.property + ".filters.value-kinds), not a " + kind);
		}
		return QueryValues.encode(QueryValues.format(value));
	}

	private static String kind(@Nullable Object value) {
		if (value instanceof Number) {
			return "number";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof TemporalAccessor || value instanceof Date) {
			return "date";
		}
		return "text";
	}

	private static List<String> names(Map<LookupOperator, ParameterTemplate> templates) {
		return templates.keySet().stream().map(LookupOperator::suffix).toList();
	}

	/**
	 * The name of the parameter a condition is sent as.
	 */
	String parameterName(Q condition) {
		if (condition instanceof Q.Lookup || condition instanceof Q.Not) {
			List<Conditions.Lookup> lookups = Conditions.conjunction(condition, this.dialect, "");
			Conditions.Lookup lookup = lookups.get(0);
			LookupOperator operator = lookup.operator();
			if (operator != null) {
				Map<LookupOperator, ParameterTemplate> templates = lookup.negated() ? this.negated : this.lookups;
				ParameterTemplate template = templates
					.get((operator == LookupOperator.RANGE) ? LookupOperator.GTE : operator);
				if (template != null) {
					return template.name(lookup.field());
				}
			}
		}
		return condition.toString();
	}

}
