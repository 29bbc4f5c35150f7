package dev.apiorm.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.relation.RelatedRecords;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.schema.SchemaCheck;

/**
 * The entity-level operations of one API client, reactive: the level below repositories,
 * which repositories, derived queries and query sets all speak to. Implemented by
 * {@link ReactiveApiTemplate}; {@link ApiOperations} is its blocking face.
 * <p>
 * Every instance handed out or written is an {@link dev.apiorm.ApiModel} of this client.
 * Writes validate the instance with Bean Validation before anything is sent, and update a
 * mutable instance in place with the server's representation.
 */
public interface ReactiveApiOperations {

	/**
	 * Saves an instance the way a repository's {@code save} does: a POST when it has no
	 * id; for an instance read from the API, a PATCH of the fields that changed since
	 * (nothing when none did), with {@code If-Match} when its ETag is known; a PUT of an
	 * instance the application built.
	 * @param object the instance
	 * @param <T> the model type
	 * @return the server's representation (the instance itself when nothing was sent)
	 */
	<T> Mono<T> save(T object);

	/**
	 * Resolves the related records that instances of this client's models hold by id.
	 * @return the related records
	 */
	RelatedRecords getRelatedRecords();

	/**
	 * The check of queries against the API's OpenAPI document, when one was given.
	 * @return the check, empty without a document
	 */
	default Optional<SchemaCheck> getSchemaCheck() {
		return Optional.empty();
	}

	/**
	 * One record by id.
	 * @param id the id, converted to the model's id type
	 * @param type the model class
	 * @param <T> the model type
	 * @return the record; a 404 signals
	 * {@link dev.apiorm.exception.DoesNotExistException}
	 */
	<T> Mono<T> get(Object id, Class<T> type);

	/**
	 * One record by id, empty when the API answers 404.
	 * @param id the id
	 * @param type the model class
	 * @param <T> the model type
	 * @return the record or empty
	 */
	<T> Mono<T> findById(Object id, Class<T> type);

	/**
	 * The records of a query's window, following pages as the subscriber asks for more.
	 * @param query the query
	 * @param type the model class
	 * @param <T> the model type
	 * @return the records
	 */
	<T> Flux<T> find(QueryDefinition query, Class<T> type);

	/**
	 * The records of a query's window as one list, collected page by page.
	 * @param query the query
	 * @param type the model class
	 * @param <T> the model type
	 * @return the records
	 */
	<T> Mono<List<T>> findList(QueryDefinition query, Class<T> type);

	/**
	 * The records of a query's window page by page, for consumers that take a page at a
	 * time.
	 * @param query the query
	 * @param type the model class
	 * @param <T> the model type
	 * @return the pages' records
	 */
	<T> Flux<List<T>> findPages(QueryDefinition query, Class<T> type);

	/**
	 * The records of a query's window with the number of records the query matches
	 * without its window, read from the same responses where the API gives a count.
	 * @param query the query
	 * @param type the model class
	 * @param <T> the model type
	 * @return the records and the total
	 */
	<T> Mono<CountedRecords<T>> findCounted(QueryDefinition query, Class<T> type);

	/**
	 * The records of a query's window as maps of API field names to JSON values.
	 * @param query the query
	 * @param type the model class
	 * @return the records as maps
	 */
	Flux<Map<String, Object>> findValues(QueryDefinition query, Class<?> type);

	/**
	 * How many records a query's window holds, without fetching them where the API gives
	 * a count.
	 * @param query the query
	 * @param type the model class
	 * @return the count
	 */
	Mono<Long> count(QueryDefinition query, Class<?> type);

	/**
	 * Whether a query's window holds a record, fetching at most one.
	 * @param query the query
	 * @param type the model class
	 * @return {@code true} when it does
	 */
	Mono<Boolean> exists(QueryDefinition query, Class<?> type);

	/**
	 * Creates a record ({@code POST} to the collection).
	 * @param object the record
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> insert(T object);

	/**
	 * Creates a record from API fields ({@code POST} to the collection).
	 * @param fields API field names and values
	 * @param type the model class
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> insert(Map<String, ?> fields, Class<T> type);

	/**
	 * Creates many records with bounded concurrency ({@code bulk-concurrency}), in input
	 * order; every record is validated before the first is sent.
	 * @param objects the records
	 * @param <T> the model type
	 * @return the server's representations, in input order; a partial failure signals
	 * {@link dev.apiorm.exception.BulkCreateException}
	 */
	<T> Flux<T> insertAll(List<T> objects);

	/**
	 * Replaces a record ({@code PUT} of the whole record).
	 * @param object the record, with its id
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> update(T object);

	/**
	 * Updates some fields of a record ({@code PATCH} of exactly those fields).
	 * @param object the record, with its id
	 * @param fields Java or API names of the fields to send
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> patch(T object, String... fields);

	/**
	 * Updates some fields of a record by id ({@code PATCH}).
	 * @param id the id
	 * @param fields API field names and values
	 * @param type the model class
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> patch(Object id, Map<String, ?> fields, Class<T> type);

	/**
	 * Reads a record again.
	 * @param object the record, with its id
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> refresh(T object);

	/**
	 * Deletes a record ({@code DELETE}).
	 * @param object the record, with its id
	 * @return completion
	 */
	Mono<Void> delete(Object object);

	/**
	 * Deletes a record by id ({@code DELETE}).
	 * @param id the id
	 * @param type the model class
	 * @return completion
	 */
	Mono<Void> deleteById(Object id, Class<?> type);

	/**
	 * Sends a {@code GET} to a path of the API, as a health check does, and gives the
	 * status without reading the body.
	 * @param path a path relative to the base URL; empty for the base URL itself
	 * @return the HTTP status code
	 */
	Mono<Integer> probe(String path);

	/**
	 * The settings of the client.
	 * @return the settings
	 */
	ApiClientSettings getSettings();

	/**
	 * The dialect of the client.
	 * @return the dialect
	 */
	Dialect getDialect();

	/**
	 * The request parameters that express a query's condition and ordering, as the
	 * client's dialect writes them. Query sets ask for them as they are built, so that a
	 * condition the dialect cannot express fails there; the standard template remembers
	 * what it wrote, so that running the query does not write it again.
	 * @param query the query
	 * @return the parameters, percent-encoded and joined with {@code &}
	 * @throws dev.apiorm.exception.UnsupportedQueryException when the dialect cannot
	 * express the condition
	 */
	default String queryParameters(QueryDefinition query) {
		return getDialect().queryParameters(query.filter(), query.ordering());
	}

	/**
	 * The mapping context the models come from.
	 * @return the mapping context
	 */
	ApiMappingContext getMappingContext();

	/**
	 * Records with the number of records of the query they came from.
	 *
	 * @param records the records
	 * @param total the number of records the query matches without its window
	 * @param <T> the record type
	 */
	record CountedRecords<T>(List<T> records, long total) {
	}

}
