package dev.apiorm.repository.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.util.Assert;

import dev.apiorm.Q;
import dev.apiorm.ReactiveQuerySet;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.relation.RelatedRecords;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.QueryDefinition;

/**
 * The standard {@link ReactiveQuerySet}: an immutable query definition evaluated through
 * {@link ReactiveApiOperations}. The blocking {@link DefaultQuerySet} delegates to it.
 *
 * @param <T> the model type
 */
public class DefaultReactiveQuerySet<T> implements ReactiveQuerySet<T> {

	private final ReactiveApiOperations operations;

	private final ApiPersistentEntity<T> entity;

	private final QueryDefinition query;

	/**
	 * A query set.
	 * @param operations the operations of the model's client
	 * @param entity the model
	 * @param query what the query set asks for
	 */
	public DefaultReactiveQuerySet(ReactiveApiOperations operations, ApiPersistentEntity<T> entity,
			QueryDefinition query) {
		Assert.notNull(operations, "operations must not be null");
		Assert.notNull(entity, "entity must not be null");
		Assert.notNull(query, "query must not be null");
		this.operations = operations;
		this.entity = entity;
		this.query = query;
	}

	/**
	 * The query this set evaluates.
	 * @return the definition
	 */
	public QueryDefinition query() {
		return this.query;
	}

	/**
	 * The model.
	 * @return the entity
	 */
	public ApiPersistentEntity<T> entity() {
		return this.entity;
	}

	ReactiveApiOperations operations() {
		return this.operations;
	}

	DefaultReactiveQuerySet<T> with(QueryDefinition definition) {
		return new DefaultReactiveQuerySet<>(this.operations, this.entity, definition);
	}

	/**
	 * A query set with a new condition, which the dialect must be able to express: a
	 * condition it cannot express fails here, when the query is built, not when it runs
	 * (and the parameters written are those the query sends).
	 */
	private DefaultReactiveQuerySet<T> withCondition(QueryDefinition definition) {
		this.operations.queryParameters(definition);
		return with(definition);
	}

	@Override
	public DefaultReactiveQuerySet<T> filter(String lookup, @Nullable Object value) {
		return filter(Q.of(lookup, value));
	}

	@Override
	public DefaultReactiveQuerySet<T> filter(Map<String, ?> lookups) {
		return lookups.isEmpty() ? this : filter(Q.of(lookups));
	}

	@Override
	public DefaultReactiveQuerySet<T> filter(Q condition) {
		return withCondition(this.query.and(condition));
	}

	@Override
	public DefaultReactiveQuerySet<T> exclude(String lookup, @Nullable Object value) {
		return exclude(Q.of(lookup, value));
	}

	@Override
	public DefaultReactiveQuerySet<T> exclude(Map<String, ?> lookups) {
		return lookups.isEmpty() ? this : exclude(Q.of(lookups));
	}

	@Override
	public DefaultReactiveQuerySet<T> exclude(Q condition) {
		// Django's exclude(a=1, b=2) is NOT (a AND b): one negation, for the dialect to
		// accept or reject.
		return withCondition(this.query.and(condition.negate()));
	}

	@Override
	public DefaultReactiveQuerySet<T> orderBy(String... fields) {
		return with(this.query.orderedBy(Arrays.asList(fields)));
	}

	@Override
	public DefaultReactiveQuerySet<T> orderBy(Sort sort) {
		return sort.isSorted() ? with(this.query.orderedBy(ordering(sort))) : this;
	}

	@Override
	public DefaultReactiveQuerySet<T> slice(int from, int to) {
		return with(this.query.slice(from, to));
	}

	@Override
	public DefaultReactiveQuerySet<T> limit(int n) {
		return slice(0, n);
	}

	@Override
	public DefaultReactiveQuerySet<T> selectRelated(String... relations) {
		RelatedRecords.check(this.entity, Arrays.asList(relations), true);
		return with(this.query.withRelated(Arrays.asList(relations)));
	}

	@Override
	public DefaultReactiveQuerySet<T> prefetchRelated(String... relations) {
		RelatedRecords.check(this.entity, Arrays.asList(relations), false);
		return with(this.query.withRelated(Arrays.asList(relations)));
	}

	@Override
	public void subscribe(Subscriber<? super T> subscriber) {
		flux().subscribe(subscriber);
	}

	@Override
	public Flux<T> flux() {
		return this.operations.find(this.query, this.entity.getType());
	}

	@Override
	public Mono<List<T>> list() {
		return this.operations.findList(this.query, this.entity.getType());
	}

	@Override
	public Mono<T> at(int index) {
		if (index < 0) {
			return Mono
				.error(new UnsupportedQueryException("Negative indexing is not supported (index " + index + ")"));
		}
		return this.operations.find(this.query.slice(index, index + 1L), this.entity.getType())
			.next()
			.switchIfEmpty(Mono.error(() -> new IndexOutOfBoundsException(
					this.entity.getModelName() + " query has no record at index " + index)));
	}

	@Override
	public Mono<T> get(Object id) {
		if (this.query.filter() == null && !this.query.isSliced()) {
			return this.operations.get(id, this.entity.getType());
		}
		return get(Q.of(this.entity.getIdWireName(), this.entity.convertId(id)));
	}

	@Override
	public Mono<T> get(String lookup, @Nullable Object value) {
		return get(Q.of(lookup, value));
	}

	@Override
	public Mono<T> get(Q condition) {
		return filter(condition).only()
			.switchIfEmpty(Mono.error(() -> new DoesNotExistException(this.entity.getType(),
					this.entity.getModelName() + " matching query does not exist (" + condition + ")")));
	}

	/**
	 * The only record of this query, read with one request for at most two records.
	 * @return the record, empty when there is none
	 * @throws MultipleObjectsReturnedException (signalled) when there is more than one
	 */
	public Mono<T> only() {
		return this.operations.find(this.query.slice(0, 2), this.entity.getType()).collectList().flatMap((records) -> {
			if (records.size() > 1) {
				return Mono
					.error(new MultipleObjectsReturnedException(this.entity.getType(), "get() returned more than one "
							+ this.entity.getModelName() + " (" + this.query.filter() + ")"));
			}
			return Mono.justOrEmpty(records.isEmpty() ? null : records.get(0));
		});
	}

	@Override
	public Mono<T> first() {
		QueryDefinition ordered = this.query.isSliced() ? this.query
				: this.query.orderedByDefault(this.entity.getIdWireName());
		return this.operations.find(ordered.slice(0, 1), this.entity.getType()).next();
	}

	@Override
	public Mono<T> last() {
		if (this.query.isSliced()) {
			return Mono.error(new UnsupportedQueryException("Cannot reverse a query once a slice has been taken"));
		}
		return this.operations.find(this.query.reversed(this.entity.getIdWireName()).slice(0, 1), this.entity.getType())
			.next();
	}

	@Override
	public Mono<Long> count() {
		return this.operations.count(this.query, this.entity.getType());
	}

	@Override
	public Mono<Boolean> exists() {
		return this.operations.exists(this.query, this.entity.getType());
	}

	@Override
	public Mono<List<Map<String, Object>>> values(String... fields) {
		return values(this.operations.findValues(this.query, this.entity.getType()), fields);
	}

	/**
	 * Some records, as maps of API names, projected as {@link #values(String...)} does.
	 * @param records the records
	 * @param fields the fields to keep, none for all
	 * @return the projected records
	 */
	Mono<List<Map<String, Object>>> values(Flux<Map<String, Object>> records, String... fields) {
		List<String> names = wireNames(fields);
		TypedValues typed = new TypedValues(this.entity);
		return records.map((record) -> typed.map(record, names)).collectList();
	}

	@Override
	public Mono<List<List<Object>>> valuesList(String... fields) {
		return valuesList(this.operations.findValues(this.query, this.entity.getType()), fields);
	}

	/**
	 * Some records, as maps of API names, as rows of values as
	 * {@link #valuesList(String...)} gives them.
	 * @param records the records
	 * @param fields the fields of each row, none for all
	 * @return the rows
	 */
	Mono<List<List<Object>>> valuesList(Flux<Map<String, Object>> records, String... fields) {
		List<String> names = wireNames(fields);
		TypedValues typed = new TypedValues(this.entity);
		return records.map((record) -> typed.row(record, names)).collectList();
	}

	@Override
	public <V> Mono<List<V>> valuesListFlat(String field, Class<V> type) {
		return valuesListFlat(this.operations.findValues(this.query, this.entity.getType()), field, type);
	}

	/**
	 * One field of some records, as {@link #valuesListFlat(String, Class)} gives it.
	 * @param records the records, as maps of API names
	 * @param field the field
	 * @param type the type of its values
	 * @return the values
	 */
	<V> Mono<List<V>> valuesListFlat(Flux<Map<String, Object>> records, String field, Class<V> type) {
		String name = this.entity.getWireName(field);
		return records.map((record) -> this.entity.getCodec().convertValue(record.get(name), type)).collectList();
	}

	@Override
	public Mono<Page<T>> page(Pageable pageable) {
		DefaultReactiveQuerySet<T> ordered = orderBy(pageable.getSort());
		if (pageable.isUnpaged()) {
			return ordered.list().map(PageImpl::new);
		}
		QueryDefinition window = ordered.query.slice(pageable.getOffset(),
				pageable.getOffset() + pageable.getPageSize());
		return this.operations.findCounted(window, this.entity.getType())
			.map((result) -> new PageImpl<>(result.records(), pageable, result.total()));
	}

	private List<String> ordering(Sort sort) {
		List<String> fields = new ArrayList<>();
		for (Sort.Order order : sort) {
			String name = this.entity.getWireName(order.getProperty());
			fields.add(order.isDescending() ? "-" + name : name);
		}
		return fields;
	}

	private List<String> wireNames(String... fields) {
		List<String> names = new ArrayList<>(fields.length);
		for (String field : fields) {
			names.add(this.entity.getWireName(field));
		}
		return names;
	}

	@Override
	public String toString() {
		return "ReactiveQuerySet[" + this.entity.getModelName() + " " + this.query + "]";
	}

}
