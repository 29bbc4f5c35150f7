package dev.apiorm.dialect.convention;

import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import dev.apiorm.dialect.QueryValues;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * How a convention writes an ordering, compiled once: a parameter, a value per direction,
 * and a joiner or the parameter repeated.
 */
final class ConventionOrdering {

	private final String dialect;

	private final String parameter;

	private final String ascending;

	private final String descending;

	private final @Nullable String joiner;

	private ConventionOrdering(String dialect, String parameter, String ascending, String descending,
			@Nullable String joiner) {
		this.dialect = dialect;
		this.parameter = parameter;
		this.ascending = ascending;
		this.descending = descending;
		this.joiner = joiner;
	}

	/**
	 * The ordering of a description.
	 * @return the ordering, {@code null} when the description says none
	 * @throws ConfigurationException naming the property of a part missing or wrong
	 */
	static @Nullable ConventionOrdering of(String dialect, ConventionDescription.Ordering ordering, String property) {
		String parameter = ordering.parameter();
		if (parameter == null || parameter.isBlank()) {
			if (ordering.ascending() != null || ordering.descending() != null) {
				throw new ConfigurationException(property + ".parameter is not set: name the parameter of the "
						+ "ordering (ordering, sort, $sort[{field}])");
			}
			return null;
		}
		String ascending = required(ordering.ascending(), property + ".ascending");
		String descending = required(ordering.descending(), property + ".descending");
		boolean perField = parameter.contains("{field}");
		if (perField && ordering.joiner() != null) {
			throw new ConfigurationException("Invalid value for " + property + ".joiner: the parameter '" + parameter
					+ "' names each field, so the fields cannot be joined into one");
		}
		if (!perField && (!ascending.contains("{field}") || !descending.contains("{field}"))) {
			throw new ConfigurationException("Invalid value for " + property + ".ascending and .descending: "
					+ "the field must be in the parameter or in both values, as {field}");
		}
		return new ConventionOrdering(dialect, parameter, ascending, descending, ordering.joiner());
	}

	private static String required(@Nullable String value, String property) {
		if (value == null || value.isEmpty()) {
			throw new ConfigurationException(property + " is not set: give the value of a field in that direction, "
					+ "with {field} unless the parameter holds it");
		}
		return value;
	}

	void write(List<String> ordering, StringJoiner parameters) {
		StringJoiner joined = (this.joiner != null) ? new StringJoiner(ConventionQuery.joiner(this.joiner)) : null;
		for (String key : ordering) {
			boolean descending = key.startsWith("-");
			String field = descending ? key.substring(1) : key;
			if (field.contains("__")) {
				throw new UnsupportedQueryException("The '" + this.dialect + "' dialect cannot order by '" + key
						+ "': the convention orders by a record's own fields");
			}
			String value = QueryValues
				.encode((descending ? this.descending : this.ascending).replace("{field}", field));
			if (joined != null) {
				joined.add(value);
			}
			else {
				parameters.add(QueryValues.encode(this.parameter.replace("{field}", field)) + "=" + value);
			}
		}
		if (joined != null) {
			parameters.add(QueryValues.encode(this.parameter) + "=" + joined);
		}
	}

}
