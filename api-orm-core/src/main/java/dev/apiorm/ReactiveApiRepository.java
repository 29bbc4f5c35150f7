package dev.apiorm;

import java.util.function.Function;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * The reactive manager of a remote collection, with the same methods and meanings as
 * {@link ApiRepository}: {@code Mono.zip(users.get(1L), users.get(2L))}.
 *
 * @param <T> the model type
 */
@NoRepositoryBean
public interface ReactiveApiRepository<T> extends Repository<T, Object> {

	/**
	 * Every record, lazily.
	 * @return a query set
	 */
	ReactiveQuerySet<T> all();

	/**
	 * The records matching one lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return a query set
	 */
	default ReactiveQuerySet<T> filter(String lookup, @Nullable Object value) {
		return all().filter(lookup, value);
	}

	/**
	 * The records matching every lookup of the map.
	 * @param lookups lookups and values
	 * @return a query set
	 */
	default ReactiveQuerySet<T> filter(Map<String, ?> lookups) {
		return all().filter(lookups);
	}

	/**
	 * The records matching a condition.
	 * @param condition the condition
	 * @return a query set
	 */
	default ReactiveQuerySet<T> filter(Q condition) {
		return all().filter(condition);
	}

	/**
	 * The records not matching one lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return a query set
	 */
	default ReactiveQuerySet<T> exclude(String lookup, @Nullable Object value) {
		return all().exclude(lookup, value);
	}

	/**
	 * The records not matching every lookup of the map.
	 * @param lookups lookups and values
	 * @return a query set
	 */
	default ReactiveQuerySet<T> exclude(Map<String, ?> lookups) {
		return all().exclude(lookups);
	}

	/**
	 * The records not matching a condition.
	 * @param condition the condition
	 * @return a query set
	 */
	default ReactiveQuerySet<T> exclude(Q condition) {
		return all().exclude(condition);
	}

	/**
	 * Every record in an order.
	 * @param fields the fields
	 * @return a query set
	 */
	default ReactiveQuerySet<T> orderBy(String... fields) {
		return all().orderBy(fields);
	}

	/**
	 * One record by id; signals {@link dev.apiorm.exception.DoesNotExistException} on
	 * 404.
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
	default Mono<T> get(String lookup, @Nullable Object value) {
		return all().get(lookup, value);
	}

	/**
	 * The only record matching a condition.
	 * @param condition the condition
	 * @return the record
	 */
	default Mono<T> get(Q condition) {
		return all().get(condition);
	}

	/**
	 * The first record by id, empty when there is none.
	 * @return the record
	 */
	default Mono<T> first() {
		return all().first();
	}

	/**
	 * The last record by id, empty when there is none.
	 * @return the record
	 */
	default Mono<T> last() {
		return all().last();
	}

	/**
	 * How many records the collection holds.
	 * @return the count
	 */
	Mono<Long> count();

	/**
	 * Whether the collection holds any record.
	 * @return whether it does
	 */
	default Mono<Boolean> exists() {
		return all().exists();
	}

	/**
	 * Creates a record after validating it.
	 * @param object the record
	 * @return the server's representation
	 */
	Mono<T> create(T object);

	/**
	 * Creates a record from API field names and values.
	 * @param fields the fields
	 * @return the server's representation
	 */
	Mono<T> create(Map<String, ?> fields);

	/**
	 * The record matching the lookup, or a new one.
	 * @param lookup the lookup
	 * @param defaults fields for a created record
	 * @return the record and whether it was created
	 */
	Mono<GetOrCreateResult<T>> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

	/**
	 * Updates the record matching the lookup, or creates one.
	 * @param lookup the lookup
	 * @param defaults the fields to set
	 * @return the record and whether it was created
	 */
	Mono<GetOrCreateResult<T>> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

	/**
	 * Creates every record with bounded concurrency, in input order.
	 * @param objects the records
	 * @return the server's representations, in input order
	 */
	Flux<T> bulkCreate(List<T> objects);

	/**
	 * Creates or replaces the record.
	 * @param object the record
	 * @return the server's representation
	 */
	<S extends T> Mono<S> save(S object);

	/**
	 * Sends only the given fields ({@code PATCH}).
	 * @param object the record
	 * @param updateFields Java property or API field names
	 * @return the server's representation
	 */
	Mono<T> save(T object, String... updateFields);

	/**
	 * Deletes the record.
	 * @param object the record
	 * @return completion
	 */
	Mono<Void> delete(T object);

	/**
	 * Deletes the record with this id.
	 * @param id the id
	 * @return completion
	 */
	Mono<Void> deleteById(Object id);

	/**
	 * Reads the record again; a mutable instance is updated in place.
	 * @param object the record
	 * @return the server's representation
	 */
	Mono<T> refresh(T object);

	/**
	 * The whole record of an instance's to-one relation (a property declared with Spring
	 * Data's {@code @Reference}), fetched when subscribed to and once: when the API sent
	 * only its id, one {@code GET} of the related record, which then replaces the id's
	 * stub on a mutable instance and is remembered for it; nothing is sent when the API
	 * nested the record or it was fetched before. Getters never send requests.
	 * @param object the instance
	 * @param relation the relation's getter, such as {@code Book::getAuthor}
	 * @param <R> the related model type
	 * @return the related record, empty when the instance has none
	 */
	<R> Mono<R> related(T object, Function<? super T, ? extends @Nullable R> relation);

	/**
	 * The whole records of an instance's to-many relation, fetched when subscribed to and
	 * once: those the API sent as ids with one batched {@code id__in} request.
	 * @param object the instance
	 * @param relation the relation's getter, such as {@code Book::getTags}
	 * @param <R> the related model type
	 * @return the related records in the instance's order
	 */
	<R> Mono<List<R>> relatedAll(T object, Function<? super T, ? extends @Nullable Collection<R>> relation);

	/**
	 * The record as a map of API field names to JSON values.
	 * @param object the record
	 * @return the map
	 */
	Map<String, Object> toMap(T object);

	// Spring Data names, aliases of the methods above.

	/**
	 * One record by id (Spring Data's name).
	 * @param id the id, converted to the model's id type
	 * @return the record, empty when the API answers 404
	 */
	Mono<T> findById(Object id);

	/**
	 * Whether a record with this id exists (Spring Data's name).
	 * @param id the id
	 * @return {@code true} when the API has it
	 */
	Mono<Boolean> existsById(Object id);

	/**
	 * Every record (Spring Data's name for {@code all().flux()}).
	 * @return the records
	 */
	Flux<T> findAll();

	/**
	 * Every record in an order of Java property names (Spring Data's name).
	 * @param sort the order
	 * @return the records
	 */
	Flux<T> findAll(Sort sort);

	/**
	 * One page of records (Spring Data's name for {@code all().page(pageable)}).
	 * @param pageable the page and its order
	 * @return the page with the total
	 */
	Mono<Page<T>> findAll(Pageable pageable);

	/**
	 * Saves every record, one after the other, as {@link #save(Object)} does.
	 * @param <S> the type of the records
	 * @param objects the records
	 * @return the server's representations, in order
	 */
	<S extends T> Flux<S> saveAll(Iterable<S> objects);

	/**
	 * Deletes every record, one after the other.
	 * @param objects the records, each with an id
	 * @return completion
	 */
	Mono<Void> deleteAll(Iterable<? extends T> objects);

}
