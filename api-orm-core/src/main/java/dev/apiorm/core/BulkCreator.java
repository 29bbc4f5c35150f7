package dev.apiorm.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.BulkCreateException;

/**
 * Creates many records with bounded concurrency and in input order. Every record is
 * validated before the first is sent; after a failure no new create starts, the ones in
 * flight finish, and a {@link BulkCreateException} tells which records were written.
 *
 * @param <T> the model type
 */
final class BulkCreator<T> {

	private final ApiPersistentEntity<T> entity;

	private final int concurrency;

	BulkCreator(ApiPersistentEntity<T> entity, int concurrency) {
		this.entity = entity;
		this.concurrency = concurrency;
	}

	/**
	 * Creates the records, which the caller has validated.
	 * @param objects the records
	 * @param creator creates one record
	 * @return the created records in input order
	 */
	Flux<T> create(List<T> objects, Function<T, Mono<T>> creator) {
		return Mono.defer(() -> {
			AtomicBoolean failed = new AtomicBoolean();
			return Flux.range(0, objects.size())
				.flatMapSequential((index) -> attempt(index, objects.get(index), failed, creator), this.concurrency)
				.collectList();
		}).flatMapMany((outcomes) -> {
			Map<Integer, T> created = new LinkedHashMap<>();
			Map<Integer, ApiException> errors = new LinkedHashMap<>();
			List<Integer> skipped = new ArrayList<>();
			for (Outcome<T> outcome : outcomes) {
				if (outcome.created() != null) {
					created.put(outcome.index(), outcome.created());
				}
				else if (outcome.error() != null) {
					errors.put(outcome.index(), outcome.error());
				}
				else {
					skipped.add(outcome.index());
				}
			}
			if (errors.isEmpty()) {
				return Flux.fromIterable(created.values());
			}
			return Flux
				.error(new BulkCreateException(
						this.entity.getModelName() + " bulk create: " + created.size() + " of " + outcomes.size()
								+ " records were created (indexes " + created.keySet() + "), " + errors.size()
								+ " failed (" + errors.keySet() + "), " + skipped.size()
								+ " were not sent; first failure: " + errors.values().iterator().next().getMessage(),
						created, errors, skipped));
		});
	}

	private Mono<Outcome<T>> attempt(int index, T object, AtomicBoolean failed, Function<T, Mono<T>> creator) {
		return Mono.defer(() -> {
			if (failed.get()) {
				return Mono.just(new Outcome<T>(index, null, null));
			}
			return creator.apply(object)
				.map((created) -> new Outcome<T>(index, created, null))
				.onErrorResume(ApiException.class, (ex) -> {
					failed.set(true);
					return Mono.just(new Outcome<T>(index, null, ex));
				});
		});
	}

	private record Outcome<T>(int index, @org.jspecify.annotations.Nullable T created,
			@org.jspecify.annotations.Nullable ApiException error) {
	}

}
