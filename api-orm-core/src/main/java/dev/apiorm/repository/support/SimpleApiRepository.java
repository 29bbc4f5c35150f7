package dev.apiorm.repository.support;

import org.jspecify.annotations.Nullable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.data.repository.query.ListQueryByExampleExecutor;
import org.springframework.util.Assert;

import dev.apiorm.ApiRepository;
import dev.apiorm.GetOrCreateResult;
import dev.apiorm.QuerySet;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.Blocking;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * The standard blocking {@link ApiRepository}: every method waits for its
 * {@link SimpleReactiveApiRepository} twin, so both faces send the same requests. Also
 * the base class of declared repository interfaces, which is why it implements Spring
 * Data's {@link ListCrudRepository} and {@link ListPagingAndSortingRepository} too (their
 * id type is {@code Object}: any id is converted to the model's id type); a custom base
 * class ({@code @EnableApiRepositories(repositoryBaseClass)}) needs a constructor with
 * the same two parameters.
 *
 * @param <T> the model type
 */
public class SimpleApiRepository<T> implements ApiRepository<T>, ListCrudRepository<T, Object>,
		ListPagingAndSortingRepository<T, Object>, ListQueryByExampleExecutor<T> {

	private final ApiEntityInformation<T> information;

	private final ApiOperations operations;

	private final SimpleReactiveApiRepository<T> reactive;

	/**
	 * The repository of a model.
	 * @param information the model
	 * @param operations the operations of the model's client
	 */
	public SimpleApiRepository(ApiEntityInformation<T> information, ApiOperations operations) {
		Assert.notNull(information, "information must not be null");
		Assert.notNull(operations, "operations must not be null");
		this.information = information;
		this.operations = operations;
		this.reactive = new SimpleReactiveApiRepository<>(information, operations.reactive());
	}

	/**
	 * The operations this repository runs on.
	 * @return the operations
	 */
	protected ApiOperations getOperations() {
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
	public QuerySet<T> all() {
		return new DefaultQuerySet<>(this.reactive.all());
	}

	@Override
	public T get(Object id) {
		return Blocking.blockRequired(this.reactive.get(id));
	}

	@Override
	public Optional<T> findById(Object id) {
		return Blocking.blockOptional(this.reactive.findById(id));
	}

	@Override
	public T create(T object) {
		return Blocking.blockRequired(this.reactive.create(object));
	}

	@Override
	public T create(Map<String, ?> fields) {
		return Blocking.blockRequired(this.reactive.create(fields));
	}

	@Override
	public GetOrCreateResult<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
		return Blocking.blockRequired(this.reactive.getOrCreate(lookup, defaults));
	}

	@Override
	public GetOrCreateResult<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
		return Blocking.blockRequired(this.reactive.updateOrCreate(lookup, defaults));
	}

	@Override
	public List<T> bulkCreate(List<T> objects) {
		return Blocking.blockRequired(this.reactive.bulkCreate(objects).collectList());
	}

	@Override
	public <S extends T> S save(S object) {
		return Blocking.blockRequired(this.reactive.save(object));
	}

	@Override
	public T save(T object, String... updateFields) {
		return Blocking.blockRequired(this.reactive.save(object, updateFields));
	}

	@Override
	public void delete(T object) {
		Blocking.block(this.reactive.delete(object));
	}

	@Override
	public void deleteById(Object id) {
		Blocking.block(this.reactive.deleteById(id));
	}

	@Override
	public T refresh(T object) {
		return Blocking.blockRequired(this.reactive.refresh(object));
	}

	@Override
	public <R> @Nullable R related(T object, Function<? super T, ? extends @Nullable R> relation) {
		return Blocking.block(this.reactive.related(object, relation));
	}

	@Override
	public <R> List<R> relatedAll(T object, Function<? super T, ? extends @Nullable Collection<R>> relation) {
		return Blocking.blockRequired(this.reactive.relatedAll(object, relation));
	}

	@Override
	public Map<String, Object> toMap(T object) {
		return this.reactive.toMap(object);
	}

	// Spring Data's names and CRUD contracts, as their reactive twins do them.

	@Override
	public boolean existsById(Object id) {
		return findById(id).isPresent();
	}

	@Override
	public List<T> findAll() {
		return all().list();
	}

	@Override
	public List<T> findAll(Sort sort) {
		return all().orderBy(sort).list();
	}

	@Override
	public Page<T> findAll(Pageable pageable) {
		return all().page(pageable);
	}

	@Override
	public List<T> findAllById(Iterable<Object> ids) {
		return Blocking.blockRequired(this.reactive.findAllById(ids).collectList());
	}

	@Override
	public long count() {
		return all().count();
	}

	@Override
	public <S extends T> List<S> saveAll(Iterable<S> objects) {
		return Blocking.blockRequired(this.reactive.saveAll(objects).collectList());
	}

	@Override
	public void deleteAllById(Iterable<?> ids) {
		Blocking.block(this.reactive.deleteAllById(ids));
	}

	@Override
	public void deleteAll(Iterable<? extends T> objects) {
		Blocking.block(this.reactive.deleteAll(objects));
	}

	/**
	 * Deletes every record of the collection, as
	 * {@link SimpleReactiveApiRepository#deleteAll()} does.
	 */
	@Override
	public void deleteAll() {
		Blocking.block(this.reactive.deleteAll());
	}

	// Query by Example, as the reactive twin translates it.

	/**
	 * The records an example matches, as a query set.
	 * @param example the example
	 * @return the query set
	 */
	QuerySet<T> all(Example<? extends T> example) {
		return new DefaultQuerySet<>(this.reactive.all(example));
	}

	@Override
	public <S extends T> Optional<S> findOne(Example<S> example) {
		return Blocking.blockOptional(this.reactive.findOne(example));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S extends T> List<S> findAll(Example<S> example) {
		return (List<S>) all(example).list();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S extends T> List<S> findAll(Example<S> example, Sort sort) {
		return (List<S>) all(example).orderBy(sort).list();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <S extends T> Page<S> findAll(Example<S> example, Pageable pageable) {
		return (Page<S>) all(example).page(pageable);
	}

	@Override
	public <S extends T> long count(Example<S> example) {
		return all(example).count();
	}

	@Override
	public <S extends T> boolean exists(Example<S> example) {
		return all(example).exists();
	}

	/**
	 * Not supported: fluent queries by example are refused; use
	 * {@link #findAll(Example, Pageable)}.
	 */
	@Override
	public <S extends T, R> R findBy(Example<S> example,
			Function<FluentQuery.FetchableFluentQuery<S>, R> queryFunction) {
		throw new UnsupportedQueryException(
				"findBy(Example, Function) of " + this.information.getJavaType().getSimpleName()
						+ ": fluent queries are not supported; use findAll(Example, Pageable)");
	}

	@Override
	public String toString() {
		return "ApiRepository[" + this.information.getJavaType().getSimpleName() + "]";
	}

}
