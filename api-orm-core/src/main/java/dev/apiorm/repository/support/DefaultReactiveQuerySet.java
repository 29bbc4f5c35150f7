package dev.apiorm.repository.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.util.Assert;

import dev.apiorm.Q;
import dev.apiorm.ReactiveQuerySet;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.mapping.ModelMetadata;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.QueryDefinition;

/**
 * The standard {@link ReactiveQuerySet}: an immutable query definition evaluated through
 * {@link ApiOperations}. The blocking {@link DefaultQuerySet} delegates to it.
 *
 * @param <T> the model type
 */
public class DefaultReactiveQuerySet<T> implements ReactiveQuerySet<T> {

	private static final Function<JsonParser, Boolean> SKIP = (parser) -> {
		parser.skipChildren();
		return Boolean.TRUE;
	};

	private final ApiOperations operations;

	private final ModelMetadata<T> model;

	private final QueryDefinition query;

	private final Function<JsonParser, T> reader;

	public DefaultReactiveQuerySet(ApiOperations operations, ModelMetadata<T> model, QueryDefinition query) {
		Assert.notNull(operations, "operations must not be null");
		Assert.notNull(model, "model must not be null");
		Assert.notNull(query, "query must not be null");
		this.operations = operations;
		this.model = model;
		this.query = query;
		this.reader = model::read;
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
	 * @return the model metadata
	 */
	public ModelMetadata<T> model() {
		return this.model;
	}

	ApiOperations operations() {
		return this.operations;
	}

	DefaultReactiveQuerySet<T> with(QueryDefinition definition) {
		return new DefaultReactiveQuerySet<>(this.operations, this.model, definition);
	}

	/**
	 * A query set with a new condition, which the dialect must be able to express: a
	 * condition it cannot express fails here, when the query is built, not when it runs.
	 */
	private DefaultReactiveQuerySet<T> withCondition(QueryDefinition definition) {
		this.operations.dialect().queryParameters(definition.filter(), definition.ordering());
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
	public DefaultReactiveQuerySet<T> slice(int from, int to) {
		return with(this.query.slice(from, to));
	}

	@Override
	public DefaultReactiveQuerySet<T> limit(int n) {
		return slice(0, n);
	}

	@Override
	public void subscribe(Subscriber<? super T> subscriber) {
		flux().subscribe(subscriber);
	}

	@Override
	public Flux<T> flux() {
		return this.operations.find(this.model, this.query, this.reader);
	}

	@Override
	public Mono<List<T>> list() {
		return flux().collectList();
	}

	@Override
	public Mono<T> at(int index) {
		if (index < 0) {
			return Mono.error(new IllegalArgumentException("Negative indexing is not supported (index " + index + ")"));
		}
		return this.operations.find(this.model, this.query.slice(index, index + 1L), this.reader)
			.next()
			.switchIfEmpty(Mono.error(
					() -> new IndexOutOfBoundsException(this.model.name() + " query has no record at index " + index)));
	}

	@Override
	public Mono<T> get(Object id) {
		if (this.query.filter() == null && !this.query.isSliced()) {
			return this.operations.get(this.model, id, null, "get");
		}
		return get(Q.of(this.model.idWireName(), this.model.convertId(id)));
	}

	@Override
	public Mono<T> get(String lookup, @Nullable Object value) {
		return get(Q.of(lookup, value));
	}

	@Override
	public Mono<T> get(Q condition) {
		return filter(condition).only()
			.switchIfEmpty(Mono.error(() -> new DoesNotExistException(this.model.type(),
					this.model.name() + " matching query does not exist (" + condition + ")")));
	}

	/**
	 * The only record of this query, read with one request for at most two records.
	 * @return the record, empty when there is none
	 * @throws MultipleObjectsReturnedException (signalled) when there is more than one
	 */
	public Mono<T> only() {
		return this.operations.findCounted(this.model, this.query.slice(0, 2), this.reader).flatMap((result) -> {
			if (result.records().size() > 1 || result.total() > 1) {
				return Mono.error(new MultipleObjectsReturnedException(this.model.type(),
						"get() returned more than one " + this.model.name() + " -- it returned "
								+ Math.max(result.total(), result.records().size()) + " (" + this.query.filter()
								+ ")"));
			}
			return Mono.justOrEmpty(result.records().isEmpty() ? null : result.records().get(0));
		});
	}

	@Override
	public Mono<T> first() {
		QueryDefinition ordered = this.query.isSliced() ? this.query
				: this.query.orderedByDefault(this.model.idWireName());
		return this.operations.find(this.model, ordered.slice(0, 1), this.reader).next();
	}

	@Override
	public Mono<T> last() {
		if (this.query.isSliced()) {
			return Mono.error(new UnsupportedQueryException("Cannot reverse a query once a slice has been taken"));
		}
		return this.operations.find(this.model, this.query.reversed(this.model.idWireName()).slice(0, 1), this.reader)
			.next();
	}

	@Override
	public Mono<Long> count() {
		return this.operations.count(this.model, this.query);
	}

	@Override
	public Mono<Boolean> exists() {
		QueryDefinition one = this.query.slice(0, 1);
		return this.operations.find(this.model, one, SKIP).hasElements();
	}

	@Override
	public Mono<List<Map<String, Object>>> values(String... fields) {
		List<String> names = wireNames(fields);
		return this.operations.find(this.model, this.query, this::readMap)
			.map((record) -> names.isEmpty() ? record : project(record, names))
			.collectList();
	}

	@Override
	public Mono<List<List<Object>>> valuesList(String... fields) {
		List<String> names = wireNames(fields);
		return this.operations.find(this.model, this.query, this::readMap).map((record) -> {
			List<Object> row = new ArrayList<>(names.isEmpty() ? record.size() : names.size());
			if (names.isEmpty()) {
				row.addAll(record.values());
			}
			else {
				names.forEach((name) -> row.add(record.get(name)));
			}
			return row;
		}).collectList();
	}

	@Override
	public <V> Mono<List<V>> valuesListFlat(String field, Class<V> type) {
		String name = this.model.wireName(field);
		return this.operations.find(this.model, this.query, this::readMap)
			.map((record) -> this.model.convertValue(record.get(name), type))
			.collectList();
	}

	@Override
	public Mono<Page<T>> page(Pageable pageable) {
		if (pageable.isUnpaged()) {
			return list().map(PageImpl::new);
		}
		DefaultReactiveQuerySet<T> ordered = pageable.getSort().isSorted()
				? with(this.query.orderedBy(ordering(pageable.getSort()))) : this;
		QueryDefinition window = ordered.query.slice(pageable.getOffset(),
				pageable.getOffset() + pageable.getPageSize());
		return this.operations.findCounted(this.model, window, this.reader)
			.map((result) -> new PageImpl<>(result.records(), pageable, result.total()));
	}

	private List<String> ordering(Sort sort) {
		List<String> fields = new ArrayList<>();
		for (Sort.Order order : sort) {
			String name = this.model.wireName(order.getProperty());
			fields.add(order.isDescending() ? "-" + name : name);
		}
		return fields;
	}

	private Map<String, Object> readMap(JsonParser parser) {
		return this.model.mapReader().readValue(parser);
	}

	private List<String> wireNames(String... fields) {
		List<String> names = new ArrayList<>(fields.length);
		for (String field : fields) {
			names.add(this.model.wireName(field));
		}
		return names;
	}

	private static Map<String, Object> project(Map<String, Object> record, List<String> names) {
		Map<String, Object> projected = new LinkedHashMap<>();
		names.forEach((name) -> projected.put(name, record.get(name)));
		return projected;
	}

	@Override
	public String toString() {
		return "ReactiveQuerySet[" + this.model.name() + " " + this.query + "]";
	}

}
