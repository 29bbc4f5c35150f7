package dev.apiorm.repository.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.apiorm.ApiRepository;
import dev.apiorm.GetOrCreateResult;
import dev.apiorm.Q;
import dev.apiorm.QuerySet;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.ModelValidator;
import dev.apiorm.core.mapping.ModelMetadata;

/**
 * The standard blocking {@link ApiRepository}: every method waits for its
 * {@link SimpleReactiveApiRepository} twin, so both faces send the same requests. Also
 * the base class of declared repository interfaces.
 *
 * @param <T> the model type
 */
public class SimpleApiRepository<T> implements ApiRepository<T> {

	private final SimpleReactiveApiRepository<T> reactive;

	public SimpleApiRepository(ModelMetadata<T> model, ApiOperations operations, ModelValidator validator) {
		this.reactive = new SimpleReactiveApiRepository<>(model, operations, validator);
	}

	/**
	 * The reactive repository this one waits for.
	 * @return the reactive twin
	 */
	public SimpleReactiveApiRepository<T> reactive() {
		return this.reactive;
	}

	@Override
	public QuerySet<T> all() {
		return new DefaultQuerySet<>(this.reactive.all());
	}

	@Override
	public QuerySet<T> filter(String lookup, @Nullable Object value) {
		return new DefaultQuerySet<>(this.reactive.filter(lookup, value));
	}

	@Override
	public QuerySet<T> filter(Map<String, ?> lookups) {
		return new DefaultQuerySet<>(this.reactive.filter(lookups));
	}

	@Override
	public QuerySet<T> filter(Q condition) {
		return new DefaultQuerySet<>(this.reactive.filter(condition));
	}

	@Override
	public QuerySet<T> exclude(String lookup, @Nullable Object value) {
		return new DefaultQuerySet<>(this.reactive.exclude(lookup, value));
	}

	@Override
	public QuerySet<T> exclude(Map<String, ?> lookups) {
		return new DefaultQuerySet<>(this.reactive.exclude(lookups));
	}

	@Override
	public QuerySet<T> exclude(Q condition) {
		return new DefaultQuerySet<>(this.reactive.exclude(condition));
	}

	@Override
	public QuerySet<T> orderBy(String... fields) {
		return new DefaultQuerySet<>(this.reactive.orderBy(fields));
	}

	@Override
	public T get(Object id) {
		return Blocking.blockRequired(this.reactive.get(id));
	}

	@Override
	public T get(String lookup, @Nullable Object value) {
		return Blocking.blockRequired(this.reactive.get(lookup, value));
	}

	@Override
	public T get(Q condition) {
		return Blocking.blockRequired(this.reactive.get(condition));
	}

	@Override
	public Optional<T> first() {
		return Blocking.blockOptional(this.reactive.first());
	}

	@Override
	public Optional<T> last() {
		return Blocking.blockOptional(this.reactive.last());
	}

	@Override
	public long count() {
		return Blocking.blockRequired(this.reactive.count());
	}

	@Override
	public boolean exists() {
		return Blocking.blockRequired(this.reactive.exists());
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
	public T save(T object) {
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
	public Map<String, Object> toMap(T object) {
		return this.reactive.toMap(object);
	}

}
