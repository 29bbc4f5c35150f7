package dev.apiorm.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.apiorm.query.QueryDefinition;

/**
 * The entity-level operations of one API client, blocking: the same operations as
 * {@link ReactiveApiOperations}, each waiting for its answer. Implemented by
 * {@link ApiTemplate}. Called on a reactive event-loop thread, every method fails at once
 * with a {@link dev.apiorm.exception.ConfigurationException}.
 */
public interface ApiOperations {

	/**
	 * One record by id.
	 * @param id the id
	 * @param type the model class
	 * @param <T> the model type
	 * @return the record
	 * @throws dev.apiorm.exception.DoesNotExistException when the API answers 404
	 */
	<T> T get(Object id, Class<T> type);

	/**
	 * One record by id.
	 * @param id the id
	 * @param type the model class
	 * @param <T> the model type
	 * @return the record, empty when the API answers 404
	 */
	<T> Optional<T> findById(Object id, Class<T> type);

	/**
	 * The records of a query's window.
	 * @param query the query
	 * @param type the model class
	 * @param <T> the model type
	 * @return the records
	 */
	<T> List<T> find(QueryDefinition query, Class<T> type);

	/**
	 * The records of a query's window as a lazy stream that follows pages as it is
	 * consumed; close it to stop early.
	 * @param query the query
	 * @param type the model class
	 * @param <T> the model type
	 * @return the records
	 */
	<T> Stream<T> stream(QueryDefinition query, Class<T> type);

	/**
	 * How many records a query's window holds.
	 * @param query the query
	 * @param type the model class
	 * @return the count
	 */
	long count(QueryDefinition query, Class<?> type);

	/**
	 * Whether a query's window holds a record.
	 * @param query the query
	 * @param type the model class
	 * @return {@code true} when it does
	 */
	boolean exists(QueryDefinition query, Class<?> type);

	/**
	 * Creates a record ({@code POST}).
	 * @param object the record
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> T insert(T object);

	/**
	 * Creates a record from API fields ({@code POST}).
	 * @param fields API field names and values
	 * @param type the model class
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> T insert(Map<String, ?> fields, Class<T> type);

	/**
	 * Saves an instance as {@link ReactiveApiOperations#save(Object)} does.
	 * @param object the instance
	 * @param <T> the model type
	 * @return the server's representation (the instance itself when nothing was sent)
	 */
	<T> T save(T object);

	/**
	 * Replaces a record ({@code PUT}).
	 * @param object the record, with its id
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> T update(T object);

	/**
	 * Updates some fields of a record ({@code PATCH}).
	 * @param object the record, with its id
	 * @param fields Java or API names of the fields to send
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> T patch(T object, String... fields);

	/**
	 * Deletes a record ({@code DELETE}).
	 * @param object the record, with its id
	 */
	void delete(Object object);

	/**
	 * Deletes a record by id ({@code DELETE}).
	 * @param id the id
	 * @param type the model class
	 */
	void deleteById(Object id, Class<?> type);

	/**
	 * The reactive operations this facade waits for.
	 * @return the reactive operations
	 */
	ReactiveApiOperations reactive();

}
