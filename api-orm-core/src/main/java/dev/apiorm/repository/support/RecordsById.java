package dev.apiorm.repository.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * The many-record operations of Spring Data's CRUD contracts on a REST collection:
 * records found by a set of ids and the collection emptied record by record.
 * <p>
 * Ids are looked up with one {@code <id>__in} query per {@value #IDS_PER_REQUEST} ids
 * (the URL stays short); where the dialect cannot express it or the server does not
 * honour it (the query fails with {@link UnsupportedQueryException}, which verified
 * results raise for an ignored parameter) the ids of that batch are fetched one
 * {@code GET} each, and a missing id is skipped, as Spring Data's {@code findAllById}
 * does.
 *
 * @param <T> the model type
 */
final class RecordsById<T> {

	/** Ids per {@code __in} request: about 1 KB of URL for numeric ids. */
	static final int IDS_PER_REQUEST = 50;

	private final SimpleReactiveApiRepository<T> repository;

	private final ApiPersistentEntity<T> entity;

	private final String inLookup;

	RecordsById(SimpleReactiveApiRepository<T> repository, ApiPersistentEntity<T> entity) {
		this.repository = repository;
		this.entity = entity;
		this.inLookup = entity.getRequiredIdProperty().getName() + "__in";
	}

	/**
	 * The records of these ids, each once, in the order the server lists them batch by
	 * batch.
	 */
	Flux<T> find(Iterable<?> ids) {
		return Flux.defer(() -> Flux.fromIterable(batches(ids)))
			.concatMap((batch) -> byIn(batch).onErrorResume(UnsupportedQueryException.class,
					(ex) -> Flux.fromIterable(batch).concatMap(this.repository::findById).collectList()))
			.concatMapIterable((records) -> records);
	}

	/**
	 * Deletes every record the collection lists: the ids are read first (the whole
	 * listing, so that deleting never shifts the pages still to read), then each record
	 * is deleted with one unconditional {@code DELETE}, one after the other.
	 */
	Mono<Void> deleteAll() {
		return this.repository.all().list().flatMapMany(Flux::fromIterable).<Object>handle((record, sink) -> {
			Object id = this.entity.getId(record);
			if (id != null) {
				sink.next(id);
			}
		}).collectList().flatMapMany(Flux::fromIterable).concatMap(this.repository::deleteById).then();
	}

	private Mono<List<T>> byIn(List<Object> batch) {
		return this.repository.all().filter(this.inLookup, batch).list();
	}

	private List<List<Object>> batches(Iterable<?> ids) {
		Set<Object> distinct = new LinkedHashSet<>();
		for (Object id : ids) {
			distinct.add(this.entity.convertId(id));
		}
		List<List<Object>> batches = new ArrayList<>();
		List<Object> batch = new ArrayList<>(IDS_PER_REQUEST);
		for (Object id : distinct) {
			batch.add(id);
			if (batch.size() == IDS_PER_REQUEST) {
				batches.add(batch);
				batch = new ArrayList<>(IDS_PER_REQUEST);
			}
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

}
