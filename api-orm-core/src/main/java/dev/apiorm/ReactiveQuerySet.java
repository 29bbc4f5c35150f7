package dev.apiorm;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The reactive twin of {@link QuerySet}: the same lazy, immutable query, evaluated
 * without blocking.
 * <p>
 * Subscribing ({@code Flux.from(qs)}, or returning it from a WebFlux controller) streams
 * the records page by page with backpressure: a page is requested only when the
 * subscriber's demand reaches beyond the records already fetched, and at most one page is
 * in flight ahead of the consumer.
 *
 * @param <T> the model type
 */
public interface ReactiveQuerySet<T> extends Publisher<T> {

	/**
	 * Narrows the query with one Django lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return a new query set
	 */
	ReactiveQuerySet<T> filter(String lookup, @Nullable Object value);

	/**
	 * Narrows the query with every lookup of the map.
	 * @param lookups lookups and values
	 * @return a new query set
	 */
	ReactiveQuerySet<T> filter(Map<String, ?> lookups);

	/**
	 * Narrows the query with a condition.
	 * @param condition the condition
	 * @return a new query set
	 */
	ReactiveQuerySet<T> filter(Q condition);

	/**
	 * Removes the records that match one lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return a new query set
	 */
	ReactiveQuerySet<T> exclude(String lookup, @Nullable Object value);

	/**
	 * Removes the records that match every lookup of the map.
	 * @param lookups lookups and values
	 * @return a new query set
	 */
	ReactiveQuerySet<T> exclude(Map<String, ?> lookups);

	/**
	 * Removes the records that match a condition.
	 * @param condition the condition
	 * @return a new query set
	 */
	ReactiveQuerySet<T> exclude(Q condition);

	/**
	 * Orders the records; {@code "-name"} sorts descending.
	 * @param fields the fields
	 * @return a new query set
	 */
	ReactiveQuerySet<T> orderBy(String... fields);

	/**
	 * These records in a Spring Data order of Java property names (or API names).
	 * @param sort the order; unsorted keeps this query's order
	 * @return a query set
	 */
	ReactiveQuerySet<T> orderBy(Sort sort);

	/**
	 * The records from {@code from} (inclusive) to {@code to} (exclusive).
	 * @param from the first index
	 * @param to the index after the last
	 * @return a new query set
	 */
	ReactiveQuerySet<T> slice(int from, int to);

	/**
	 * The first {@code n} records.
	 * @param n how many at most
	 * @return a new query set
	 */
	ReactiveQuerySet<T> limit(int n);

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
	ReactiveQuerySet<T> selectRelated(String... relations);

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
	ReactiveQuerySet<T> prefetchRelated(String... relations);

	/**
	 * The records, following pages lazily.
	 * @return the records
	 */
	Flux<T> flux();

	/**
	 * Every record in one list.
	 * @return the records
	 */
	Mono<List<T>> list();

	/**
	 * The record at an index; signals {@link IndexOutOfBoundsException} when there is
	 * none.
	 * @param index the index
	 * @return the record
	 */
	Mono<T> at(int index);

	/**
	 * The record with this id within the query.
	 * @param id the id
	 * @return the record
	 */
	Mono<T> get(Object id);

	/**
	 * The only record matching a lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return the record
	 */
	Mono<T> get(String lookup, @Nullable Object value);

	/**
	 * The only record matching a condition.
	 * @param condition the condition
	 * @return the record
	 */
	Mono<T> get(Q condition);

	/**
	 * The first record, empty when there is none.
	 * @return the record
	 */
	Mono<T> first();

	/**
	 * The last record, empty when there is none.
	 * @return the record
	 */
	Mono<T> last();

	/**
	 * How many records match.
	 * @return the count
	 */
	Mono<Long> count();

	/**
	 * Whether any record matches.
	 * @return whether any does
	 */
	Mono<Boolean> exists();

	/**
	 * The given fields of each record.
	 * @param fields API field or Java property names
	 * @return one map per record
	 */
	Mono<List<Map<String, Object>>> values(String... fields);

	/**
	 * The given fields of each record as lists.
	 * @param fields API field or Java property names
	 * @return one list per record
	 */
	Mono<List<List<Object>>> valuesList(String... fields);

	/**
	 * One field of each record.
	 * @param field the field
	 * @param type the value type
	 * @param <V> the value type
	 * @return one value per record
	 */
	<V> Mono<List<V>> valuesListFlat(String field, Class<V> type);

	/**
	 * One Spring Data page of the records.
	 * @param pageable the page to read
	 * @return the page with its total
	 */
	Mono<Page<T>> page(Pageable pageable);

}
