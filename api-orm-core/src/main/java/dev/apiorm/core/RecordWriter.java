package dev.apiorm.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * What the writes of one client mean: instances validated before anything is sent,
 * {@code save} going out as its {@link SavePlan} says, {@code If-Match} from what the
 * tracker remembers, mutable instances updated in place, deleted ones forgotten. The
 * exchanges themselves are {@link RecordExchanges}'.
 */
final class RecordWriter {

	private final ModelValidator validator;

	private final ChangeTracker tracker;

	private final SavePlan.Flags flags;

	private final RecordExchanges exchanges;

	private final int bulkConcurrency;

	RecordWriter(ModelValidator validator, ChangeTracker tracker, SavePlan.Flags flags, RecordExchanges exchanges,
			int bulkConcurrency) {
		this.validator = validator;
		this.tracker = tracker;
		this.flags = flags;
		this.exchanges = exchanges;
		this.bulkConcurrency = bulkConcurrency;
	}

	<T> Mono<T> insert(ApiPersistentEntity<T> entity, T object) {
		return insert(entity, object, inPlace(entity, object));
	}

	private <T> Mono<T> insert(ApiPersistentEntity<T> entity, T object, @Nullable InPlaceUpdate<T> into) {
		this.validator.validate(entity, object);
		return this.exchanges.create(entity, entity.getCodec().writeRecord(object), into);
	}

	<T> Mono<T> insert(ApiPersistentEntity<T> entity, Map<String, ?> fields) {
		this.validator.validate(entity, entity.getCodec().convertValue(fields, entity.getType()));
		return this.exchanges.create(entity, entity.getCodec().writeFields(fields), null);
	}

	/**
	 * Creates many records, every one validated before the first is sent.
	 */
	<T> Flux<T> insertAll(ApiPersistentEntity<T> entity, List<T> objects) {
		for (int i = 0; i < objects.size(); i++) {
			this.validator.validate(entity, objects.get(i), i);
		}
		return new BulkCreator<>(entity, this.bulkConcurrency).create(objects,
				(object) -> this.exchanges.create(entity, entity.getCodec().writeRecord(object), null));
	}

	<T> Mono<T> save(ApiPersistentEntity<T> entity, T object) {
		// Begun before the plan reads the instance: what changes in it from here on, the
		// answer does not undo.
		InPlaceUpdate<T> into = inPlace(entity, object);
		ChangeTracker.Snapshot snapshot = this.flags.tracking() ? this.tracker.snapshot(object) : null;
		SavePlan plan = SavePlan.of(entity, object, snapshot, this.flags, this.tracker);
		if (plan instanceof SavePlan.Create) {
			return insert(entity, object, into);
		}
		if (plan instanceof SavePlan.Replace replace) {
			return replace(entity, object, replace.ifMatch(), into);
		}
		if (plan instanceof SavePlan.Patch patch) {
			return patch(entity, object, patch.fields().toArray(String[]::new), patch.ifMatch(), into);
		}
		if (plan instanceof SavePlan.Refuse refuse) {
			return Mono.error(refuse.error());
		}
		return Mono.just(object);
	}

	/**
	 * A replace of the whole instance, conditional on its strong ETag.
	 */
	<T> Mono<T> update(ApiPersistentEntity<T> entity, T object) {
		return replace(entity, object, ifMatch(object), inPlace(entity, object));
	}

	/**
	 * A {@code PATCH} of some fields of the instance, conditional on its strong ETag.
	 */
	<T> Mono<T> patch(ApiPersistentEntity<T> entity, T object, String[] fields) {
		return patch(entity, object, fields, ifMatch(object), inPlace(entity, object));
	}

	<T> Mono<T> refresh(ApiPersistentEntity<T> entity, T object) {
		InPlaceUpdate<T> into = inPlace(entity, object);
		return this.exchanges.read(entity, requireId(entity, object, "refresh"),
				(into != null) ? into.sending(List.of()) : null, "refresh");
	}

	/**
	 * A delete of the instance, conditional on its strong ETag; the instance is forgotten
	 * once it is deleted.
	 */
	<T> Mono<Void> delete(ApiPersistentEntity<T> entity, T object) {
		return this.exchanges.delete(entity, requireId(entity, object, "delete"), ifMatch(object))
			.doOnSuccess((done) -> this.tracker.forget(object));
	}

	private <T> Mono<T> replace(ApiPersistentEntity<T> entity, T object, @Nullable String ifMatch,
			@Nullable InPlaceUpdate<T> into) {
		Object id = requireId(entity, object, "update");
		this.validator.validate(entity, object);
		return this.exchanges.replace(entity, object, id, ifMatch, into);
	}

	private <T> Mono<T> patch(ApiPersistentEntity<T> entity, T object, String[] fields, @Nullable String ifMatch,
			@Nullable InPlaceUpdate<T> into) {
		Object id = requireId(entity, object, "partially update");
		this.validator.validateProperties(entity, object, Arrays.stream(fields).map(entity::getJavaName).toList());
		InPlaceUpdate<T> sending = (into != null)
				? into.sending(Arrays.stream(fields).map(entity::getWireName).toList()) : null;
		return this.exchanges.patch(entity, object, id, fields, ifMatch, sending);
	}

	/**
	 * The {@code If-Match} of a write of an instance: its strong ETag, when one was read
	 * and optimistic locking is on.
	 */
	private @Nullable String ifMatch(Object object) {
		ChangeTracker.Snapshot snapshot = this.flags.optimisticLocking() ? this.tracker.snapshot(object) : null;
		return (snapshot != null) ? snapshot.strongEtag() : null;
	}

	/**
	 * The update in place of an instance whose request begins now, {@code null} for an
	 * immutable one (the answer is a new instance).
	 */
	private <T> @Nullable InPlaceUpdate<T> inPlace(ApiPersistentEntity<T> entity, T object) {
		return entity.isMutable() ? InPlaceUpdate.begin(this.tracker, entity, object) : null;
	}

	private static <T> Object requireId(ApiPersistentEntity<T> entity, T object, String operation) {
		Object id = entity.getId(object);
		if (id == null) {
			throw new IllegalArgumentException(
					"Cannot " + operation + " a " + entity.getModelName() + " that has no id (it was never saved)");
		}
		return id;
	}

}
