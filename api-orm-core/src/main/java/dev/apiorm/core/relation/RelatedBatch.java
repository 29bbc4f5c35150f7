package dev.apiorm.core.relation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.Q;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.query.QueryDefinition;

/**
 * Fetches the records of a related model by their ids with {@code id__in} queries through
 * the related model's own client, so that they are verified like any result: one query
 * per batch of ids, a batch no longer than a page of the client (one request) and than
 * what a URL holds. An id the API does not return is an error, never a missing record.
 */
final class RelatedBatch {

	/** The characters the ids of one request may take, well below common URL limits. */
	static final int MAX_ID_CHARS = 1500;

	private final Function<Class<?>, ReactiveApiOperations> operations;

	/**
	 * A batch fetcher.
	 * @param operations the operations of the client that serves a model
	 */
	RelatedBatch(Function<Class<?>, ReactiveApiOperations> operations) {
		Assert.notNull(operations, "operations must not be null");
		this.operations = operations;
	}

	/**
	 * The records of some ids, by id.
	 * @param related the related model
	 * @param ids the ids, each once
	 * @param referrer what refers to them, for the message of a missing one
	 * @param <R> the related model type
	 * @return the records by id
	 */
	<R> Mono<Map<Object, R>> fetch(ApiPersistentEntity<R> related, Collection<Object> ids, String referrer) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		ReactiveApiOperations client = this.operations.apply(related.getType());
		int perRequest = client.getSettings().paging().pageSize();
		String lookup = related.getIdWireName() + "__in";
		return Flux.fromIterable(chunks(ids, perRequest))
			.concatMap((chunk) -> client.findList(QueryDefinition.ALL.and(Q.of(lookup, chunk)), related.getType()))
			.collect(HashMap<Object, R>::new, (found, records) -> {
				for (R record : records) {
					Object id = related.getId(record);
					if (id != null) {
						found.put(id, record);
					}
				}
			})
			.flatMap((found) -> {
				for (Object id : ids) {
					if (!found.containsKey(id)) {
						return Mono.error(new DoesNotExistException(related.getType(),
								related.getModelName() + " " + id + " (referred to by " + referrer
										+ ") was not returned by " + related.getEndpoint() + "?" + lookup));
					}
				}
				return Mono.just(found);
			});
	}

	/**
	 * The ids in batches of at most a page each, and of at most {@link #MAX_ID_CHARS}
	 * characters.
	 */
	static List<List<Object>> chunks(Collection<Object> ids, int perRequest) {
		List<List<Object>> chunks = new ArrayList<>();
		List<Object> chunk = new ArrayList<>();
		int chars = 0;
		for (Object id : ids) {
			int length = String.valueOf(id).length() + 3;
			if (!chunk.isEmpty() && (chunk.size() >= perRequest || chars + length > MAX_ID_CHARS)) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
				chars = 0;
			}
			chunk.add(id);
			chars += length;
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		return chunks;
	}

}
