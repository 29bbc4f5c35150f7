package dev.apiorm.core;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;

import dev.apiorm.core.mapping.ModelMetadata;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.query.QueryDefinition;

/**
 * Everything api-orm does with one API, as reactive operations: the template that
 * repositories, derived queries and query sets all speak to. Only its implementation
 * knows HTTP; the {@link Dialect} knows the API's conventions.
 */
public interface ApiOperations {

	/**
	 * The settings of the client.
	 * @return the settings
	 */
	ApiClientSettings settings();

	/**
	 * The dialect of the client.
	 * @return the dialect
	 */
	Dialect dialect();

	/**
	 * The records of a query's window, page by page, with backpressure.
	 * @param model the model
	 * @param query the query
	 * @param reader reads one record from a parser positioned at its start
	 * @param <R> the record type
	 * @return the records
	 */
	<R> Flux<R> find(ModelMetadata<?> model, QueryDefinition query, Function<JsonParser, R> reader);

	/**
	 * The records of a query's window with the total count of the unsliced query, read
	 * from the same responses.
	 * @param model the model
	 * @param query the query
	 * @param reader reads one record
	 * @param <R> the record type
	 * @return the records and the total
	 */
	<R> Mono<CountedRecords<R>> findCounted(ModelMetadata<?> model, QueryDefinition query,
			Function<JsonParser, R> reader);

	/**
	 * How many records a query's window holds, without fetching them where the API gives
	 * a count.
	 * @param model the model
	 * @param query the query
	 * @return the count
	 */
	Mono<Long> count(ModelMetadata<?> model, QueryDefinition query);

	/**
	 * One record by id; a 404 is a {@link dev.apiorm.exception.DoesNotExistException}.
	 * @param model the model
	 * @param id the id
	 * @param target a mutable instance to update in place, or {@code null}
	 * @param operation the operation name for messages and metrics
	 * @param <T> the model type
	 * @return the record
	 */
	<T> Mono<T> get(ModelMetadata<T> model, Object id, @Nullable T target, String operation);

	/**
	 * Creates a record ({@code POST} to the collection).
	 * @param model the model
	 * @param body the record or a map of API fields
	 * @param target a mutable instance to update in place, or {@code null}
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> create(ModelMetadata<T> model, Object body, @Nullable T target);

	/**
	 * Replaces a record ({@code PUT}).
	 * @param model the model
	 * @param id the id
	 * @param body the record
	 * @param target a mutable instance to update in place, or {@code null}
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> update(ModelMetadata<T> model, Object id, Object body, @Nullable T target);

	/**
	 * Updates some fields of a record ({@code PATCH}).
	 * @param model the model
	 * @param id the id
	 * @param fields API field names and values
	 * @param target a mutable instance to update in place, or {@code null}
	 * @param <T> the model type
	 * @return the server's representation
	 */
	<T> Mono<T> partialUpdate(ModelMetadata<T> model, Object id, Map<String, ?> fields, @Nullable T target);

	/**
	 * Deletes a record ({@code DELETE}).
	 * @param model the model
	 * @param id the id
	 * @return completion
	 */
	Mono<Void> delete(ModelMetadata<?> model, Object id);

	/**
	 * Sends a {@code GET} to a path of the API, as a health check does, and gives the
	 * response's status without reading its body.
	 * @param path a path relative to the base URL; empty for the base URL itself
	 * @return the HTTP status code
	 */
	Mono<Integer> probe(String path);

	/**
	 * Records with the total count of the query they came from.
	 *
	 * @param records the records
	 * @param total the total count
	 * @param <R> the record type
	 */
	record CountedRecords<R>(List<R> records, long total) {
	}

}
