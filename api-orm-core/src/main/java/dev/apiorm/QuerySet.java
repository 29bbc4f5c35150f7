package dev.apiorm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A lazy, immutable query over a remote collection: Django's {@code QuerySet} for a REST
 * API.
 * <p>
 * Every chaining call returns a new query set and nothing is sent until the query set is
 * evaluated ({@link #list()}, iteration, {@link #count()}, ...). Once {@link #list()} has
 * run, its result is cached on this instance and later reads use the cache.
 * {@link #stream()} and {@link #iterator()} follow pages lazily and never hold more than
 * two pages in memory.
 *
 * @param <T> the model type
 */
public interface QuerySet<T> extends Iterable<T> {

	/**
	 * Narrows the query with one Django lookup.
	 * @param lookup the field name with an optional suffix, such as {@code age__gte}
	 * @param value the value
	 * @return a new query set
	 */
	QuerySet<T> filter(String lookup, @Nullable Object value);

	/**
	 * Narrows the query with every lookup of the map.
	 * @param lookups lookups and values
	 * @return a new query set
	 */
	QuerySet<T> filter(Map<String, ?> lookups);

	/**
	 * Narrows the query with a condition.
	 * @param condition the condition
	 * @return a new query set
	 */
	QuerySet<T> filter(Q condition);

	/**
	 * Removes the records that match one lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return a new query set
	 */
	QuerySet<T> exclude(String lookup, @Nullable Object value);

	/**
	 * Removes the records that match every lookup of the map.
	 * @param lookups lookups and values
	 * @return a new query set
	 */
	QuerySet<T> exclude(Map<String, ?> lookups);

	/**
	 * Removes the records that match a condition.
	 * @param condition the condition
	 * @return a new query set
	 */
	QuerySet<T> exclude(Q condition);

	/**
	 * Orders the records; {@code "-name"} sorts descending. Replaces any earlier
	 * ordering.
	 * @param fields the fields in order of precedence
	 * @return a new query set
	 */
	QuerySet<T> orderBy(String... fields);

	/**
	 * These records in a Spring Data order of Java property names (or API names).
	 * @param sort the order; unsorted keeps this query's order
	 * @return a query set
	 */
	QuerySet<T> orderBy(Sort sort);

	/**
	 * The records from index {@code from} (inclusive) to {@code to} (exclusive), like
	 * Python's {@code qs[from:to]}.
	 * @param from the first index
	 * @param to the index after the last
	 * @return a new query set
	 */
	QuerySet<T> slice(int from, int to);

	/**
	 * The first {@code n} records, like Python's {@code qs[:n]}.
	 * @param n how many records at most
	 * @return a new query set
	 */
	QuerySet<T> limit(int n);

	/**
	 * This query with the records of to-one relations fetched with its pages, as Django's
	 * {@code select_related}: {@code selectRelated("author")} puts each book's whole
	 * {@code Author} in place of the id the API sent, for every page with one batched
	 * request per relation ({@code id__in}), never one per record. Paths follow relations
	 * with {@code __} ({@code "author__publisher"}).
	 * @param relations the relation paths, each made of to-one relations
	 * @return a new query set
	 * @throws dev.apiorm.exception.UnsupportedQueryException naming a path that is no
	 * relation of the model, or that follows a to-many
	 */
	QuerySet<T> selectRelated(String... relations);

	/**
	 * This query with the records of relations fetched with its pages, as Django's
	 * {@code prefetch_related}: to-one and to-many relations alike, each page's related
	 * ids collected, each id once, and fetched with one batched request per relation
	 * ({@code id__in}, split only where the ids exceed a page or a URL).
	 * @param relations the relation paths, {@code __} between relations
	 * @return a new query set
	 * @throws dev.apiorm.exception.UnsupportedQueryException naming a path that is no
	 * relation of the model
	 */
	QuerySet<T> prefetchRelated(String... relations);

	/**
	 * The record at an index, like Python's {@code qs[i]}.
	 * @param index the index, from 0
	 * @return the record
	 * @throws IndexOutOfBoundsException when there is no such record
	 */
	T at(int index);

	/**
	 * The record with this id within the query.
	 * @param id the id
	 * @return the record
	 * @throws dev.apiorm.exception.DoesNotExistException when there is none
	 */
	T get(Object id);

	/**
	 * The only record matching a lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return the record
	 * @throws dev.apiorm.exception.DoesNotExistException when none matches
	 * @throws dev.apiorm.exception.MultipleObjectsReturnedException when more than one
	 * matches
	 */
	T get(String lookup, @Nullable Object value);

	/**
	 * The only record matching a condition.
	 * @param condition the condition
	 * @return the record
	 * @throws dev.apiorm.exception.DoesNotExistException when none matches
	 * @throws dev.apiorm.exception.MultipleObjectsReturnedException when more than one
	 * matches
	 */
	T get(Q condition);

	/**
	 * The first record by the query's ordering, or by id when unordered.
	 * @return the record, empty when there is none
	 */
	Optional<T> first();

	/**
	 * The last record: the query's ordering reversed, or by id descending when unordered.
	 * @return the record, empty when there is none
	 */
	Optional<T> last();

	/**
	 * How many records match, read from the API's count without fetching the records.
	 * @return the number of records
	 */
	long count();

	/**
	 * Whether any record matches, with a one-record request.
	 * @return {@code true} when at least one record matches
	 */
	boolean exists();

	/**
	 * Every matching record; the result is cached on this query set.
	 * @return the records in order
	 */
	List<T> list();

	/**
	 * The records as a lazy stream that fetches a page only when needed; close it (or
	 * consume it fully) to release the connection.
	 * @return the stream
	 */
	Stream<T> stream();

	/**
	 * The given fields of each record, by API field name; every field when none is given.
	 * @param fields API field or Java property names
	 * @return one map per record
	 */
	List<Map<String, Object>> values(String... fields);

	/**
	 * The given fields of each record as a list of values.
	 * @param fields API field or Java property names
	 * @return one list per record
	 */
	List<List<Object>> valuesList(String... fields);

	/**
	 * One field of each record, converted to a type.
	 * @param field the API field or Java property name
	 * @param type the type of the values
	 * @param <V> the type of the values
	 * @return one value per record
	 */
	<V> List<V> valuesListFlat(String field, Class<V> type);

	/**
	 * One Spring Data page of the records; a sorted pageable replaces the query's
	 * ordering.
	 * @param pageable the page to read
	 * @return the page with its total
	 */
	Page<T> page(Pageable pageable);

}
