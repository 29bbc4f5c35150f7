package dev.apiorm.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.util.Assert;

import dev.apiorm.query.QueryDefinition;

/**
 * The standard {@link ApiOperations}: waits for a {@link ReactiveApiOperations}, so that
 * both faces send the same requests.
 */
public class ApiTemplate implements ApiOperations {

	private final ReactiveApiOperations reactive;

	/**
	 * A blocking template over a reactive one.
	 * @param reactive the reactive operations
	 */
	public ApiTemplate(ReactiveApiOperations reactive) {
		Assert.notNull(reactive, "reactive must not be null");
		this.reactive = reactive;
	}

	@Override
	public ReactiveApiOperations reactive() {
		return this.reactive;
	}

	@Override
	public <T> T get(Object id, Class<T> type) {
		return Blocking.blockRequired(this.reactive.get(id, type));
	}

	@Override
	public <T> Optional<T> findById(Object id, Class<T> type) {
		return Blocking.blockOptional(this.reactive.findById(id, type));
	}

	@Override
	public <T> List<T> find(QueryDefinition query, Class<T> type) {
		return Blocking.blockRequired(this.reactive.findList(query, type));
	}

	@Override
	public <T> Stream<T> stream(QueryDefinition query, Class<T> type) {
		return Blocking.stream(this.reactive.findPages(query, type));
	}

	@Override
	public long count(QueryDefinition query, Class<?> type) {
		return Blocking.blockRequired(this.reactive.count(query, type));
	}

	@Override
	public boolean exists(QueryDefinition query, Class<?> type) {
		return Blocking.blockRequired(this.reactive.exists(query, type));
	}

	@Override
	public <T> T insert(T object) {
		return Blocking.blockRequired(this.reactive.insert(object));
	}

	@Override
	public <T> T insert(Map<String, ?> fields, Class<T> type) {
		return Blocking.blockRequired(this.reactive.insert(fields, type));
	}

	@Override
	public <T> T save(T object) {
		return Blocking.blockRequired(this.reactive.save(object));
	}

	@Override
	public <T> T update(T object) {
		return Blocking.blockRequired(this.reactive.update(object));
	}

	@Override
	public <T> T patch(T object, String... fields) {
		return Blocking.blockRequired(this.reactive.patch(object, fields));
	}

	@Override
	public void delete(Object object) {
		Blocking.block(this.reactive.delete(object));
	}

	@Override
	public void deleteById(Object id, Class<?> type) {
		Blocking.block(this.reactive.deleteById(id, type));
	}

	@Override
	public String toString() {
		return "ApiTemplate[" + this.reactive + "]";
	}

}
