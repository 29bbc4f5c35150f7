package dev.apiorm.repository.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.GetOrCreateResult;
import dev.apiorm.Q;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.ConflictException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.PreconditionFailedException;
import dev.apiorm.query.QueryDefinition;

/**
 * The standard {@link ReactiveApiRepository}: the manager operations of one model on a
 * {@link ReactiveApiOperations}. Also the base class of declared reactive repository
 * interfaces; a custom base class ({@code @EnableApiRepositories(repositoryBaseClass)})
 * needs a constructor with the same two parameters.
 *
 * @param <T> the model type
 */
public class SimpleReactiveApiRepository<T> implements ReactiveApiRepository<T> {

	private final ApiEntityInformation<T> information;

	private final ApiPersistentEntity<T> entity;

	private final ReactiveApiOperations operations;

	/**
	 * The repository of a model.
	 * @param information the model
	 * @param operations the operations of the model's client
	 */
	public SimpleReactiveApiRepository(ApiEntityInformation<T> information, ReactiveApiOperations operations) {
		Assert.notNull(information, "information must not be null");
		Assert.notNull(operations, "operations must not be null");
		this.information = information;
		this.entity = information.getPersistentEntity();
		this.operations = operations;
	}

	/**
	 * The operations this repository runs on.
	 * @return the operations
	 */
	protected ReactiveApiOperations getOperations() {
		return this.operations;
	}

	/**
	 * The model this repository manages.
	 * @return the entity information
	 */
	protected ApiEntityInformation<T> getEntityInformation() {
		return this.information;
	}

	@Override
	public DefaultReactiveQuerySet<T> all() {
		return new DefaultReactiveQuerySet<>(this.operations, this.entity, QueryDefinition.ALL);
	}

	@Override
	public Mono<T> get(Object id) {
		return this.operations.get(id, this.entity.getType());
	}

	@Override
	public Mono<T> findById(Object id) {
		return this.operations.findById(id, this.entity.getType());
	}

	@Override
	public Mono<T> create(T object) {
		return this.operations.insert(object);
	}

	@Override
	public Mono<T> create(Map<String, ?> fields) {
		return this.operations.insert(fields, this.entity.getType());
	}

	@Override
	public Mono<GetOrCreateResult<T>> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
		Assert.notEmpty(lookup, "lookup must not be empty");
		Assert.notNull(defaults, "defaults must not be null");
		return get(Q.of(lookup)).map((found) -> new GetOrCreateResult<>(found, false))
			.onErrorResume(DoesNotExistException.class,
					(ex) -> create(createFields(lookup, defaults))
						.map((created) -> new GetOrCreateResult<>(created, true))
						.onErrorResume((failure) -> lostTheRace(failure, lookup),
								(failure) -> get(Q.of(lookup)).map((winner) -> new GetOrCreateResult<>(winner, false))
									.onErrorResume(DoesNotExistException.class, (none) -> Mono.error(failure))));
	}

	/**
	 * Whether a create failed because another writer created the record first: a 409, or
	 * a 400 whose field errors name a field of the lookup (a unique constraint).
	 */
	private boolean lostTheRace(Throwable failure, Map<String, ?> lookup) {
		if (failure instanceof ConflictException && !(failure instanceof PreconditionFailedException)) {
			return true;
		}
		if (failure instanceof BadRequestException badRequest) {
			for (String field : lookup.keySet()) {
				if (!field.contains("__") && badRequest.fieldErrors().containsKey(this.entity.getWireName(field))) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public Mono<GetOrCreateResult<T>> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
		Assert.notEmpty(lookup, "lookup must not be empty");
		Assert.notNull(defaults, "defaults must not be null");
		return get(Q.of(lookup)).flatMap((found) -> {
			Object id = this.entity.getId(found);
			Mono<T> updated = (defaults.isEmpty() || id == null) ? Mono.just(found)
					: this.operations.patch(id, defaults, this.entity.getType());
			return updated.map((object) -> new GetOrCreateResult<>(object, false));
		})
			.onErrorResume(DoesNotExistException.class, (ex) -> create(createFields(lookup, defaults))
				.map((created) -> new GetOrCreateResult<>(created, true)));
	}

	/**
	 * The fields of a record created by getOrCreate: the lookup's plain field entries
	 * (those without {@code __}, as Django does), then the defaults.
	 */
	private static Map<String, Object> createFields(Map<String, ?> lookup, Map<String, ?> defaults) {
		Map<String, Object> fields = new LinkedHashMap<>();
		lookup.forEach((key, value) -> {
			if (!key.contains("__")) {
				fields.put(key, value);
			}
		});
		fields.putAll(defaults);
		return fields;
	}

	@Override
	public Flux<T> bulkCreate(List<T> objects) {
		return this.operations.insertAll(objects);
	}

	@Override
	public Mono<T> save(T object) {
		Assert.notNull(object, "object must not be null");
		return this.operations.save(object);
	}

	@Override
	public Mono<T> save(T object, String... updateFields) {
		return (updateFields.length == 0) ? save(object) : this.operations.patch(object, updateFields);
	}

	@Override
	public Mono<Void> delete(T object) {
		return this.operations.delete(object);
	}

	@Override
	public Mono<Void> deleteById(Object id) {
		return this.operations.deleteById(id, this.entity.getType());
	}

	@Override
	public Mono<T> refresh(T object) {
		return this.operations.refresh(object);
	}

	@Override
	public Map<String, Object> toMap(T object) {
		Assert.notNull(object, "object must not be null");
		return this.entity.getCodec().toMap(object);
	}

	@Override
	public String toString() {
		return "ReactiveApiRepository[" + this.entity.getModelName() + "]";
	}

}
