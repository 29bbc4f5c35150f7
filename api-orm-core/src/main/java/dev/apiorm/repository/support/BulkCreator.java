package dev.apiorm.repository.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.ModelValidator;
import dev.apiorm.core.mapping.ModelMetadata;
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

	private final ModelMetadata<T> model;

	private final ApiOperations operations;

	private final ModelValidator validator;

	BulkCreator(ModelMetadata<T> model, ApiOperations operations, ModelValidator validator) {
		this.model = model;
		this.operations = operations;
		this.validator = validator;
	}

	Flux<T> create(List<T> objects) {
		return Mono.defer(() -> {
			for (int i = 0; i < objects.size(); i++) {
				this.validator.validate(this.model, objects.get(i), i);
			}
			AtomicBoolean failed = new AtomicBoolean();
			int concurrency = this.operations.settings().bulkConcurrency();
			return Flux.range(0, objects.size())
				.flatMapSequential((index) -> attempt(index, objects.get(index), failed), concurrency)
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
			return Flux.error(new BulkCreateException(this.model.name() + " bulk create: " + created.size() + " of "
					+ outcomes.size() + " records were created (indexes " + created.keySet() + "), " + errors.size()
					+ " failed (" + errors.keySet() + "), " + skipped.size() + " were not sent; first failure: "
					+ errors.values().iterator().next().getMessage(), created, errors, skipped));
		});
	}

	private Mono<Outcome<T>> attempt(int index, T object, AtomicBoolean failed) {
		return Mono.defer(() -> {
			if (failed.get()) {
				return Mono.just(new Outcome<T>(index, null, null));
			}
			return this.operations.create(this.model, object, null)
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
