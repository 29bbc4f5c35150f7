package dev.apiorm.core.page;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Q;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.query.QueryDefinition;

/**
 * Writes the condition and ordering of queries as the dialect's request parameters, and
 * remembers what it wrote for the last queries, so that a query is written once: when a
 * query set is built (which is when a condition the dialect cannot express must fail),
 * and not again when it runs, nor for each of its windows, counts and re-asked pages.
 * <p>
 * Queries are told apart by value ({@link Q} and the ordering are immutable values), so
 * that equal queries built again (a derived query called with the same arguments) are not
 * written again either. The memory is small and bounded: at most {@value #CAPACITY}
 * queries, forgotten all at once when full, and none whose parameters are longer than
 * {@value #MAX_LENGTH} characters.
 */
final class QueryEncoder {

	static final int CAPACITY = 64;

	static final int MAX_LENGTH = 2048;

	private final Dialect dialect;

	private final Map<Key, String> written = new ConcurrentHashMap<>();

	QueryEncoder(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * The encoded parameters of a query's condition and ordering.
	 * @param query the query
	 * @return the parameters, percent-encoded and joined with {@code &}
	 * @throws dev.apiorm.exception.UnsupportedQueryException when the dialect cannot
	 * express the condition
	 */
	String parameters(QueryDefinition query) {
		Key key = new Key(query.filter(), query.ordering());
		String known = this.written.get(key);
		if (known != null) {
			return known;
		}
		String parameters = this.dialect.queryParameters(query.filter(), query.ordering());
		if (parameters.length() <= MAX_LENGTH) {
			if (this.written.size() >= CAPACITY) {
				this.written.clear();
			}
			this.written.put(key, parameters);
		}
		return parameters;
	}

	/**
	 * How many queries are remembered.
	 */
	int size() {
		return this.written.size();
	}

	private record Key(@Nullable Q filter, List<String> ordering) {
	}

}
