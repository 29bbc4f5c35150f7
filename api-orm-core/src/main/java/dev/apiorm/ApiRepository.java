package dev.apiorm;

import java.util.function.Function;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * The blocking manager of a remote collection: Django's {@code Model.objects} for a REST
 * API.
 * <p>
 * Declare an interface that extends it to add derived query methods
 * ({@code Optional<User> findByEmail(String email)}), or inject
 * {@code ApiRepository<User>} directly. Every method runs on the reactive engine and
 * blocks the calling thread for the answer; called on an event-loop thread it fails at
 * once with a {@link dev.apiorm.exception.ConfigurationException}: use
 * {@link ReactiveApiRepository} there.
 *
 * @param <T> the model type
 */
@NoRepositoryBean
public interface ApiRepository<T> extends Repository<T, Object> {

	/**
	 * Every record, lazily.
	 * @return a query set over the whole collection
	 */
	QuerySet<T> all();

	/**
	 * The records matching one lookup.
	 * @param lookup the lookup, such as {@code age__gte}
	 * @param value the value
	 * @return a query set
	 */
	default QuerySet<T> filter(String lookup, @Nullable Object value) {
		return all().filter(lookup, value);
	}

	/**
	 * The records matching every lookup of the map.
	 * @param lookups lookups and values
	 * @return a query set
	 */
	default QuerySet<T> filter(Map<String, ?> lookups) {
		return all().filter(lookups);
	}

	/**
	 * The records matching a condition.
	 * @param condition the condition
	 * @return a query set
	 */
	default QuerySet<T> filter(Q condition) {
		return all().filter(condition);
	}

	/**
	 * The records not matching one lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return a query set
	 */
	default QuerySet<T> exclude(String lookup, @Nullable Object value) {
		return all().exclude(lookup, value);
	}

	/**
	 * The records not matching every lookup of the map.
	 * @param lookups lookups and values
	 * @return a query set
	 */
	default QuerySet<T> exclude(Map<String, ?> lookups) {
		return all().exclude(lookups);
	}

	/**
	 * The records not matching a condition.
	 * @param condition the condition
	 * @return a query set
	 */
	default QuerySet<T> exclude(Q condition) {
		return all().exclude(condition);
	}

	/**
	 * Every record in an order; {@code "-name"} sorts descending.
	 * @param fields the fields
	 * @return a query set
	 */
	default QuerySet<T> orderBy(String... fields) {
		return all().orderBy(fields);
	}

	/**
	 * One record by id ({@code GET endpoint/id/}).
	 * @param id the id, converted to the model's id type
	 * @return the record
	 * @throws dev.apiorm.exception.DoesNotExistException when the API answers 404
	 */
	T get(Object id);

	/**
	 * The only record matching a lookup.
	 * @param lookup the lookup
	 * @param value the value
	 * @return the record
	 */
	default T get(String lookup, @Nullable Object value) {
		return all().get(lookup, value);
	}

	/**
	 * The only record matching a condition.
	 * @param condition the condition
	 * @return the record
	 */
	default T get(Q condition) {
		return all().get(condition);
	}

	/**
	 * The first record by id.
	 * @return the record, empty when the collection is empty
	 */
	default Optional<T> first() {
		return all().first();
	}

	/**
	 * The last record by id.
	 * @return the record, empty when the collection is empty
	 */
	default Optional<T> last() {
		return all().last();
	}

	/**
	 * How many records the collection holds.
	 * @return the count
	 */
	long count();

	/**
	 * Whether the collection holds any record.
	 * @return {@code true} when it does
	 */
	default boolean exists() {
		return all().exists();
	}

	/**
	 * Creates a record ({@code POST}) after validating it.
	 * @param object the record
	 * @return the server's representation
	 */
	T create(T object);

	/**
	 * Creates a record from API field names and values.
	 * @param fields the fields
	 * @return the server's representation
	 */
	T create(Map<String, ?> fields);

	/**
	 * The record matching the lookup, or a new one made from the lookup and defaults.
	 * @param lookup the lookup; entries without {@code __} also go into a created record
	 * @param defaults fields for a created record
	 * @return the record and whether it was created
	 */
	GetOrCreateResult<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

	/**
	 * Updates the record matching the lookup with the defaults ({@code PATCH}), or
	 * creates one from both.
	 * @param lookup the lookup
	 * @param defaults the fields to set
	 * @return the record and whether it was created
	 */
	GetOrCreateResult<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

	/**
	 * Creates every record with bounded concurrency; the result keeps the input order.
	 * Every record is validated before anything is sent. When some creates fail, a
	 * {@link dev.apiorm.exception.BulkCreateException} says which records were written.
	 * @param objects the records
	 * @return the server's representations, in input order
	 */
	List<T> bulkCreate(List<T> objects);

	/**
	 * Creates the record when its id is {@code null} ({@code POST}), else replaces it
	 * ({@code PUT}). A mutable instance is updated in place with the server's
	 * representation.
	 * @param object the record
	 * @return the server's representation
	 */
	<S extends T> S save(S object);

	/**
	 * Sends only the given fields ({@code PATCH}).
	 * @param object the record, with an id
	 * @param updateFields Java property or API field names
	 * @return the server's representation
	 */
	T save(T object, String... updateFields);

	/**
	 * Deletes the record ({@code DELETE endpoint/id/}).
	 * @param object the record, with an id
	 */
	void delete(T object);

	/**
	 * Deletes the record with this id.
	 * @param id the id
	 */
	void deleteById(Object id);

	/**
	 * Reads the record again from the API; a mutable instance is updated in place.
	 * @param object the record, with an id
	 * @return the server's representation
	 */
	T refresh(T object);

	/**
	 * The whole record of an instance's to-one relation (a property declared with Spring
	 * Data's {@code @Reference}), fetched when asked and once: when the API sent only its
	 * id, one {@code GET} of the related record, which then replaces the id's stub on a
	 * mutable instance and is remembered for it; nothing is sent when the API nested the
	 * record or it was fetched before (by this call or by {@code selectRelated} /
	 * {@code prefetchRelated}). Getters never send requests.
	 * @param object the instance
	 * @param relation the relation's getter, such as {@code Book::getAuthor}
	 * @param <R> the related model type
	 * @return the related record, {@code null} when the instance has none
	 * @throws dev.apiorm.exception.UnsupportedQueryException when the getter reads no
	 * to-one relation
	 */
	<R> @Nullable R related(T object, Function<? super T, ? extends @Nullable R> relation);

	/**
	 * The whole records of an instance's to-many relation, fetched when asked and once:
	 * those the API sent as ids with one batched {@code id__in} request, those it nested
	 * as they are.
	 * @param object the instance
	 * @param relation the relation's getter, such as {@code Book::getTags}
	 * @param <R> the related model type
	 * @return the related records in the instance's order, empty when it has none
	 * @throws dev.apiorm.exception.UnsupportedQueryException when the getter reads no
	 * relation
	 */
	<R> List<R> relatedAll(T object, Function<? super T, ? extends @Nullable Collection<R>> relation);

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
	Optional<T> findById(Object id);

	/**
	 * Whether a record with this id exists (Spring Data's name).
	 * @param id the id
	 * @return {@code true} when the API has it
	 */
	boolean existsById(Object id);

	/**
	 * Every record (Spring Data's name for {@code all().list()}).
	 * @return the records
	 */
	List<T> findAll();

	/**
	 * Every record in an order of Java property names (Spring Data's name).
	 * @param sort the order
	 * @return the records
	 */
	List<T> findAll(Sort sort);

	/**
	 * One page of records (Spring Data's name for {@code all().page(pageable)}).
	 * @param pageable the page and its order
	 * @return the page with the total
	 */
	Page<T> findAll(Pageable pageable);

	/**
	 * Saves every record, one after the other, as {@link #save(Object)} does.
	 * @param <S> the type of the records
	 * @param objects the records
	 * @return the server's representations, in order
	 */
	<S extends T> List<S> saveAll(Iterable<S> objects);

	/**
	 * Deletes every record, one after the other.
	 * @param objects the records, each with an id
	 */
	void deleteAll(Iterable<? extends T> objects);

}
