package dev.apiorm.repository.support;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Example;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.data.repository.query.ReactiveQueryByExampleExecutor;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import org.springframework.data.repository.reactive.ReactiveSortingRepository;
import org.springframework.util.Assert;

import dev.apiorm.GetOrCreateResult;
import dev.apiorm.Q;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.ConflictException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.exception.PreconditionFailedException;
import dev.apiorm.query.QueryDefinition;

/**
 * The standard {@link ReactiveApiRepository}: the manager operations of one model on a
 * {@link ReactiveApiOperations}. Also the base class of declared reactive repository
 * interfaces, which is why it implements Spring Data's {@link ReactiveCrudRepository} and
 * {@link ReactiveSortingRepository} too (their id type is {@code Object}: any id is
 * converted to the model's id type); a custom base class
 * ({@code @EnableApiRepositories(repositoryBaseClass)}) needs a constructor with the same
 * two parameters.
 *
 * @param <T> the model type
 */
public class SimpleReactiveApiRepository<T> implements ReactiveApiRepository<T>, ReactiveCrudRepository<T, Object>,
		ReactiveSortingRepository<T, Object>, ReactiveQueryByExampleExecutor<T> {

	private final ApiEntityInformation<T> information;

	private final ApiPersistentEntity<T> entity;

	private final ReactiveApiOperations operations;

	private final RecordsById<T> byId;

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
		this.byId = new RecordsById<>(this, this.entity);
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
	public <S extends T> Mono<S> save(S object) {
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
	public <R> Mono<R> related(T object, Function<? super T, ? extends @Nullable R> relation) {
		return this.operations.getRelatedRecords().one(this.entity, object, relation);
	}

	@Override
	public <R> Mono<List<R>> relatedAll(T object, Function<? super T, ? extends @Nullable Collection<R>> relation) {
		return this.operations.getRelatedRecords().all(this.entity, object, relation);
	}

	@Override
	public Map<String, Object> toMap(T object) {
		Assert.notNull(object, "object must not be null");
		return this.entity.getCodec().toMap(object);
	}

	// Spring Data's names and CRUD contracts, in terms of the methods above.

	@Override
	public Mono<T> findById(Publisher<Object> id) {
		return Mono.from(id).flatMap(this::findById);
	}

	@Override
	public Mono<Boolean> existsById(Object id) {
		return findById(id).hasElement();
	}

	@Override
	public Mono<Boolean> existsById(Publisher<Object> id) {
		return Mono.from(id).flatMap(this::existsById);
	}

	@Override
	public Flux<T> findAll() {
		return all().flux();
	}

	@Override
	public Flux<T> findAll(Sort sort) {
		return all().orderBy(sort).flux();
	}

	@Override
	public Mono<Page<T>> findAll(Pageable pageable) {
		return all().page(pageable);
	}

	/**
	 * The records of these ids: one {@code <id>__in} query per batch of ids where the
	 * dialect and the server can, else one {@code GET} per id; missing ids are skipped.
	 * @param ids the ids
	 * @return the records found, each once
	 */
	@Override
	public Flux<T> findAllById(Iterable<Object> ids) {
		Assert.notNull(ids, "ids must not be null");
		return this.byId.find(ids);
	}

	@Override
	public Flux<T> findAllById(Publisher<Object> ids) {
		return Flux.from(ids).collectList().flatMapMany(this.byId::find);
	}

	@Override
	public Mono<Long> count() {
		return all().count();
	}

	@Override
	public <S extends T> Flux<S> saveAll(Iterable<S> objects) {
		Assert.notNull(objects, "objects must not be null");
		return Flux.fromIterable(objects).concatMap(this::save);
	}

	@Override
	public <S extends T> Flux<S> saveAll(Publisher<S> objects) {
		return Flux.from(objects).concatMap(this::save);
	}

	@Override
	public Mono<Void> deleteById(Publisher<Object> id) {
		return Mono.from(id).flatMap(this::deleteById);
	}

	@Override
	public Mono<Void> deleteAllById(Iterable<?> ids) {
		Assert.notNull(ids, "ids must not be null");
		return Flux.fromIterable(ids).concatMap(this::deleteById).then();
	}

	@Override
	public Mono<Void> deleteAll(Iterable<? extends T> objects) {
		Assert.notNull(objects, "objects must not be null");
		return Flux.fromIterable(objects).concatMap(this::delete).then();
	}

	@Override
	public Mono<Void> deleteAll(Publisher<? extends T> objects) {
		return Flux.from(objects).concatMap(this::delete).then();
	}

	/**
	 * Deletes every record of the collection: lists the whole collection first (bounded
	 * by {@code api-orm.max-list-records}), then sends one unconditional {@code DELETE}
	 * per record, one after the other. Records created meanwhile are not deleted.
	 * @return completion
	 */
	@Override
	public Mono<Void> deleteAll() {
		return this.byId.deleteAll();
	}

	// Query by Example: the probe's properties as lookups (see ExampleLookups).

	/**
	 * The records an example matches, as a query set.
	 * @param example the example
	 * @return the query set
	 */
	DefaultReactiveQuerySet<T> all(Example<? extends T> example) {
		Assert.notNull(example, "example must not be null");
		return ExampleLookups.of(example, this.entity).map(all()::filter).orElseGet(this::all);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S extends T> Mono<S> findOne(Example<S> example) {
		return all(example).slice(0, 2).list().flatMap((found) -> {
			if (found.size() > 1) {
				return Mono.error(new MultipleObjectsReturnedException(this.entity.getType(),
						"findOne(Example) of " + this.entity.getModelName() + " matched more than one record"));
			}
			return Mono.justOrEmpty((S) (found.isEmpty() ? null : found.get(0)));
		});
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S extends T> Flux<S> findAll(Example<S> example) {
		return (Flux<S>) all(example).flux();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S extends T> Flux<S> findAll(Example<S> example, Sort sort) {
		return (Flux<S>) all(example).orderBy(sort).flux();
	}

	@Override
	public <S extends T> Mono<Long> count(Example<S> example) {
		return all(example).count();
	}

	@Override
	public <S extends T> Mono<Boolean> exists(Example<S> example) {
		return all(example).exists();
	}

	/**
	 * Not supported: fluent queries by example are refused; use
	 * {@link #findAll(Example, Sort)}.
	 */
	@Override
	public <S extends T, R, P extends Publisher<R>> P findBy(Example<S> example,
			Function<FluentQuery.ReactiveFluentQuery<S>, P> queryFunction) {
		throw new UnsupportedQueryException("findBy(Example, Function) of " + this.entity.getModelName()
				+ ": fluent queries are not supported; use findAll(Example, Sort)");
	}

	@Override
	public String toString() {
		return "ReactiveApiRepository[" + this.entity.getModelName() + "]";
	}

}
