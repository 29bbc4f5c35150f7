package dev.apiorm.query;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.apiorm.Q;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * What a query set asks for, independent of any wire format: a condition, an ordering and
 * a window of records. Immutable; every change returns a new definition.
 *
 * @param filter the condition, {@code null} for every record
 * @param ordering API field names, {@code -} first for descending
 * @param offset the index of the first record of the window
 * @param limit how many records the window holds at most, {@code null} for no limit
 * @param related the relation paths whose records are fetched with the records' pages
 * ({@code select_related} / {@code prefetch_related}), {@code __} between the relations
 * of a path
 */
public record QueryDefinition(@Nullable Q filter, List<String> ordering, long offset, @Nullable Long limit,
		List<String> related) {

	/** The definition of every record, unordered. */
	public static final QueryDefinition ALL = new QueryDefinition(null, List.of(), 0, null);

	public QueryDefinition {
		Assert.isTrue(offset >= 0, "offset must not be negative");
		Assert.isTrue(limit == null || limit >= 0, "limit must not be negative");
		ordering = List.copyOf(ordering);
		related = List.copyOf(related);
	}

	/**
	 * A definition that fetches no related records.
	 * @param filter the condition, {@code null} for every record
	 * @param ordering API field names, {@code -} first for descending
	 * @param offset the index of the first record of the window
	 * @param limit how many records the window holds at most, {@code null} for no limit
	 */
	public QueryDefinition(@Nullable Q filter, List<String> ordering, long offset, @Nullable Long limit) {
		this(filter, ordering, offset, limit, List.of());
	}

	/**
	 * This query with the records of more relations fetched with its pages; a path given
	 * twice is fetched once.
	 * @param paths the relation paths
	 * @return the new definition
	 */
	public QueryDefinition withRelated(List<String> paths) {
		List<String> all = new ArrayList<>(this.related);
		for (String path : paths) {
			Assert.hasText(path, "relation paths must not be empty");
			if (!all.contains(path)) {
				all.add(path);
			}
		}
		return new QueryDefinition(this.filter, this.ordering, this.offset, this.limit, all);
	}

	/**
	 * This query narrowed by a condition.
	 * @param condition the condition
	 * @return the new definition
	 */
	public QueryDefinition and(Q condition) {
		assertNotSliced("filter");
		return new QueryDefinition((this.filter != null) ? this.filter.and(condition) : condition, this.ordering,
				this.offset, this.limit, this.related);
	}

	/**
	 * This query with another ordering.
	 * @param fields the ordering
	 * @return the new definition
	 */
	public QueryDefinition orderedBy(List<String> fields) {
		assertNotSliced("reorder");
		for (String field : fields) {
			Assert.hasText(field, "ordering fields must not be empty");
		}
		return new QueryDefinition(this.filter, fields, this.offset, this.limit, this.related);
	}

	/**
	 * The records {@code from} to {@code to} of this query's window, as Python's slicing
	 * composes.
	 * @param from the first index, relative to this window
	 * @param to the index after the last, relative to this window
	 * @return the new definition
	 */
	public QueryDefinition slice(long from, long to) {
		if (from < 0 || to < 0) {
			throw new UnsupportedQueryException("Negative indexing is not supported (slice " + from + ":" + to + ")");
		}
		long start = this.offset + from;
		long end = this.offset + Math.max(from, to);
		if (this.limit != null) {
			end = Math.min(end, this.offset + this.limit);
			start = Math.min(start, end);
		}
		return new QueryDefinition(this.filter, this.ordering, start, end - start, this.related);
	}

	/**
	 * This query without its window.
	 * @return the definition of every matching record
	 */
	public QueryDefinition unsliced() {
		return isSliced() ? new QueryDefinition(this.filter, this.ordering, 0, null, this.related) : this;
	}

	/**
	 * How many of a number of matching records fall into this query's window.
	 * @param total the number of records the query matches without its window
	 * @return the number in the window
	 */
	public long windowOf(long total) {
		long available = Math.max(0, total - this.offset);
		return (this.limit != null) ? Math.min(available, this.limit) : available;
	}

	/**
	 * Whether a window was taken.
	 * @return {@code true} after a slice
	 */
	public boolean isSliced() {
		return this.offset > 0 || this.limit != null;
	}

	/**
	 * This query ordered the other way round: each field reversed, or by id descending
	 * when unordered.
	 * @param idField the API name of the id
	 * @return the new definition
	 */
	public QueryDefinition reversed(String idField) {
		if (this.ordering.isEmpty()) {
			return new QueryDefinition(this.filter, List.of("-" + idField), this.offset, this.limit, this.related);
		}
		List<String> reversed = new ArrayList<>(this.ordering.size());
		for (String field : this.ordering) {
			reversed.add(field.startsWith("-") ? field.substring(1) : "-" + field);
		}
		return new QueryDefinition(this.filter, reversed, this.offset, this.limit, this.related);
	}

	/**
	 * This query ordered by id when it has no ordering of its own, as Django's
	 * {@code first()} does.
	 * @param idField the API name of the id
	 * @return the new definition
	 */
	public QueryDefinition orderedByDefault(String idField) {
		return this.ordering.isEmpty()
				? new QueryDefinition(this.filter, List.of(idField), this.offset, this.limit, this.related) : this;
	}

	private void assertNotSliced(String operation) {
		if (isSliced()) {
			throw new UnsupportedOperationException("Cannot " + operation + " a query once a slice has been taken");
		}
	}

}
