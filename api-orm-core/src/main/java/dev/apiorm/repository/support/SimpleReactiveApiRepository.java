package dev.apiorm.repository.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.GetOrCreateResult;
import dev.apiorm.Q;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.ModelValidator;
import dev.apiorm.core.mapping.ModelMetadata;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.query.QueryDefinition;

/**
 * The standard {@link ReactiveApiRepository}: the manager operations of one model on the
 * reactive engine. Also the base class of declared reactive repository interfaces.
 *
 * @param <T> the model type
 */
public class SimpleReactiveApiRepository<T> implements ReactiveApiRepository<T> {

	private final ModelMetadata<T> model;

	private final ApiOperations operations;

	private final ModelValidator validator;

	private final BulkCreator<T> bulkCreator;

	public SimpleReactiveApiRepository(ModelMetadata<T> model, ApiOperations operations, ModelValidator validator) {
		Assert.notNull(model, "model must not be null");
		Assert.notNull(operations, "operations must not be null");
		Assert.notNull(validator, "validator must not be null");
		this.model = model;
		this.operations = operations;
		this.validator = validator;
		this.bulkCreator = new BulkCreator<>(model, operations, validator);
	}

	/**
	 * The model this repository manages.
	 * @return the model metadata
	 */
	public ModelMetadata<T> model() {
		return this.model;
	}

	/**
	 * The operations this repository runs on.
	 * @return the operations
	 */
	public ApiOperations operations() {
		return this.operations;
	}

	@Override
	public DefaultReactiveQuerySet<T> all() {
		return new DefaultReactiveQuerySet<>(this.operations, this.model, QueryDefinition.ALL);
	}

	@Override
	public DefaultReactiveQuerySet<T> filter(String lookup, @Nullable Object value) {
		return all().filter(lookup, value);
	}

	@Override
	public DefaultReactiveQuerySet<T> filter(Map<String, ?> lookups) {
		return all().filter(lookups);
	}

	@Override
	public DefaultReactiveQuerySet<T> filter(Q condition) {
		return all().filter(condition);
	}

	@Override
	public DefaultReactiveQuerySet<T> exclude(String lookup, @Nullable Object value) {
		return all().exclude(lookup, value);
	}

	@Override
	public DefaultReactiveQuerySet<T> exclude(Map<String, ?> lookups) {
		return all().exclude(lookups);
	}

	@Override
	public DefaultReactiveQuerySet<T> exclude(Q condition) {
		return all().exclude(condition);
	}

	@Override
	public DefaultReactiveQuerySet<T> orderBy(String... fields) {
		return all().orderBy(fields);
	}

	@Override
	public Mono<T> get(Object id) {
		Assert.notNull(id, "id must not be null");
		return this.operations.get(this.model, id, null, "get");
	}

	@Override
	public Mono<T> get(String lookup, @Nullable Object value) {
		return all().get(lookup, value);
	}

	@Override
	public Mono<T> get(Q condition) {
		return all().get(condition);
	}

	@Override
	public Mono<T> first() {
		return all().first();
	}

	@Override
	public Mono<T> last() {
		return all().last();
	}

	@Override
	public Mono<Long> count() {
		return all().count();
	}

	@Override
	public Mono<Boolean> exists() {
		return all().exists();
	}

	@Override
	public Mono<T> create(T object) {
		Assert.notNull(object, "object must not be null");
		return Mono.defer(() -> {
			this.validator.validate(this.model, object);
			return this.operations.create(this.model, object, null);
		});
	}

	@Override
	public Mono<T> create(Map<String, ?> fields) {
		Assert.notNull(fields, "fields must not be null");
		return Mono.defer(() -> {
			this.validator.validate(this.model, this.model.convertValue(fields, this.model.type()));
			return this.operations.create(this.model, fields, null);
		});
	}

	@Override
	public Mono<GetOrCreateResult<T>> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
		Assert.notEmpty(lookup, "lookup must not be empty");
		Assert.notNull(defaults, "defaults must not be null");
		return get(Q.of(lookup)).map((found) -> new GetOrCreateResult<>(found, false))
			.onErrorResume(DoesNotExistException.class, (ex) -> create(createFields(lookup, defaults))
				.map((created) -> new GetOrCreateResult<>(created, true)));
	}

	@Override
	public Mono<GetOrCreateResult<T>> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
		Assert.notEmpty(lookup, "lookup must not be empty");
		Assert.notNull(defaults, "defaults must not be null");
		return get(Q.of(lookup)).flatMap((found) -> {
			Object id = requireId(found, "update");
			Mono<T> updated = defaults.isEmpty() ? Mono.just(found)
					: this.operations.partialUpdate(this.model, id, defaults, null);
			return updated.map((object) -> new GetOrCreateResult<>(object, false));
		})
			.onErrorResume(DoesNotExistException.class, (ex) -> create(createFields(lookup, defaults))
				.map((created) -> new GetOrCreateResult<>(created, true)));
	}

	/**
	 * The fields of a record created by getOrCreate: the lookup's plain field entries
	 * (those without {@code __}, as Django does), then the defaults.
	 */
	private Map<String, Object> createFields(Map<String, ?> lookup, Map<String, ?> defaults) {
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
		Assert.notNull(objects, "objects must not be null");
		return this.bulkCreator.create(objects);
	}

	@Override
	public Mono<T> save(T object) {
		Assert.notNull(object, "object must not be null");
		return Mono.defer(() -> {
			this.validator.validate(this.model, object);
			Object id = this.model.idOf(object);
			T target = this.model.isMutable() ? object : null;
			return (id == null) ? this.operations.create(this.model, object, target)
					: this.operations.update(this.model, id, object, target);
		});
	}

	@Override
	public Mono<T> save(T object, String... updateFields) {
		Assert.notNull(object, "object must not be null");
		if (updateFields.length == 0) {
			return save(object);
		}
		return Mono.defer(() -> {
			Object id = requireId(object, "partially update");
			List<String> javaNames = java.util.Arrays.stream(updateFields).map(this.model::javaName).toList();
			this.validator.validateProperties(this.model, object, javaNames);
			Map<String, Object> all = this.model.toMap(object);
			Map<String, Object> fields = new LinkedHashMap<>();
			for (String field : updateFields) {
				String name = this.model.wireName(field);
				fields.put(name, all.get(name));
			}
			return this.operations.partialUpdate(this.model, id, fields, this.model.isMutable() ? object : null);
		});
	}

	@Override
	public Mono<Void> delete(T object) {
		Assert.notNull(object, "object must not be null");
		return Mono.defer(() -> this.operations.delete(this.model, requireId(object, "delete")));
	}

	@Override
	public Mono<Void> deleteById(Object id) {
		Assert.notNull(id, "id must not be null");
		return this.operations.delete(this.model, id);
	}

	@Override
	public Mono<T> refresh(T object) {
		Assert.notNull(object, "object must not be null");
		return Mono.defer(() -> this.operations.get(this.model, requireId(object, "refresh"),
				this.model.isMutable() ? object : null, "refresh"));
	}

	@Override
	public Map<String, Object> toMap(T object) {
		Assert.notNull(object, "object must not be null");
		return this.model.toMap(object);
	}

	private Object requireId(T object, String operation) {
		Object id = this.model.idOf(object);
		if (id == null) {
			throw new IllegalArgumentException(
					"Cannot " + operation + " a " + this.model.name() + " that has no id (it was never saved)");
		}
		return id;
	}

}
