package dev.apiorm.core.page;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.query.RecordFields;
import dev.apiorm.query.RecordMatcher;
import dev.apiorm.query.RecordOrdering;
import dev.apiorm.query.Truth;

/**
 * Checks the records of one iteration of a query, page by page, against what the query
 * asked for: each record against the condition, and each record against the one before it
 * (across pages too) against the ordering. A contradiction means the API ignored a
 * parameter, and fails the iteration with an {@link IgnoredFilterException} naming it.
 *
 * @param <R> the record type
 */
final class ResultVerifier<R> {

	private static final String ADVICE = "; the records are not returned because they are not what the query asked "
			+ "for. Declare the parameter in the API, leave it out of the query, or set api-orm.verify-results=false "
			+ "to accept unchecked results";

	private final ApiPersistentEntity<?> entity;

	private final Dialect dialect;

	private final QueryDefinition query;

	private final RecordMatcher<R> matcher;

	private final RecordOrdering<R> ordering;

	private final RecordFields.@Nullable Field<R> id;

	private @Nullable R previous;

	private ResultVerifier(ApiPersistentEntity<?> entity, Dialect dialect, QueryDefinition query,
			RecordMatcher<R> matcher, RecordOrdering<R> ordering, RecordFields<R> fields) {
		this.entity = entity;
		this.dialect = dialect;
		this.query = query;
		this.matcher = matcher;
		this.ordering = ordering;
		this.id = fields.field(entity.getIdWireName());
	}

	/**
	 * The verifier of one iteration of a query.
	 * @return the verifier, {@code null} when nothing of the query can be checked on
	 * records
	 */
	static <R> @Nullable ResultVerifier<R> of(ApiPersistentEntity<?> entity, Dialect dialect, QueryDefinition query,
			RecordFields<R> fields) {
		RecordMatcher<R> matcher = RecordMatcher.of(query.filter(), fields);
		RecordOrdering<R> ordering = RecordOrdering.of(query.ordering(), fields);
		if (matcher.isEmpty() && ordering.isEmpty()) {
			return null;
		}
		return new ResultVerifier<>(entity, dialect, query, matcher, ordering, fields);
	}

	/**
	 * Checks the records of the next page.
	 * @param records the page's records, in the order the API gave them
	 * @throws IgnoredFilterException when a record contradicts the query
	 */
	void check(List<R> records) {
		for (R record : records) {
			if (this.matcher.test(record) == Truth.FALSE) {
				throw contradicted(record);
			}
			R before = this.previous;
			if (before != null && this.ordering.inOrder(before, record) == Truth.FALSE) {
				throw new IgnoredFilterException("ordering",
						this.entity.getModelName() + " list: the API ignored the parameter 'ordering' (ordering="
								+ String.join(",", this.query.ordering()) + "): the record " + idOf(record)
								+ " came after the record " + idOf(before) + ", out of the order asked for" + ADVICE);
			}
			this.previous = record;
		}
	}

	private IgnoredFilterException contradicted(R record) {
		Q condition = this.matcher.contradiction(record);
		String parameter = (condition != null) ? this.dialect.parameterName(condition) : String.valueOf(condition);
		return new IgnoredFilterException(parameter,
				this.entity.getModelName() + " list: the API ignored the parameter '" + parameter + "' ("
						+ describe(condition) + "): it returned the record " + idOf(record) + ", which contradicts it"
						+ ADVICE);
	}

	private String idOf(R record) {
		Object value = (this.id != null) ? this.id.get(record) : null;
		return (value != null) ? this.entity.getIdWireName() + "=" + value : "without an id";
	}

	private static String describe(@Nullable Q condition) {
		if (condition instanceof Q.Lookup lookup) {
			return "filter " + lookup.lookup() + "=" + lookup.value();
		}
		if (condition instanceof Q.Not not && not.condition() instanceof Q.Lookup lookup) {
			return "exclude " + lookup.lookup() + "=" + lookup.value();
		}
		return String.valueOf(condition);
	}

}
