package dev.apiorm.repository.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import dev.apiorm.Q;
import dev.apiorm.QuerySet;
import dev.apiorm.core.Blocking;
import dev.apiorm.core.mapping.ApiEntityCodec;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * The standard blocking {@link QuerySet}: a thin facade that waits for its reactive twin
 * and caches the result of {@link #list()}.
 *
 * @param <T> the model type
 */
public class DefaultQuerySet<T> implements QuerySet<T> {

	private final DefaultReactiveQuerySet<T> reactive;

	private volatile @Nullable List<T> cache;

	public DefaultQuerySet(DefaultReactiveQuerySet<T> reactive) {
		this.reactive = reactive;
	}

	/**
	 * The reactive query set this one waits for.
	 * @return the reactive twin
	 */
	public DefaultReactiveQuerySet<T> reactive() {
		return this.reactive;
	}

	private DefaultQuerySet<T> with(DefaultReactiveQuerySet<T> next) {
		return new DefaultQuerySet<>(next);
	}

	@Override
	public QuerySet<T> filter(String lookup, @Nullable Object value) {
		return with(this.reactive.filter(lookup, value));
	}

	@Override
	public QuerySet<T> filter(Map<String, ?> lookups) {
		return with(this.reactive.filter(lookups));
	}

	@Override
	public QuerySet<T> filter(Q condition) {
		return with(this.reactive.filter(condition));
	}

	@Override
	public QuerySet<T> exclude(String lookup, @Nullable Object value) {
		return with(this.reactive.exclude(lookup, value));
	}

	@Override
	public QuerySet<T> exclude(Map<String, ?> lookups) {
		return with(this.reactive.exclude(lookups));
	}

	@Override
	public QuerySet<T> exclude(Q condition) {
		return with(this.reactive.exclude(condition));
	}

	@Override
	public QuerySet<T> orderBy(String... fields) {
		return with(this.reactive.orderBy(fields));
	}

	@Override
	public QuerySet<T> orderBy(Sort sort) {
		return with(this.reactive.orderBy(sort));
	}

	@Override
	public QuerySet<T> slice(int from, int to) {
		return with(this.reactive.slice(from, to));
	}

	@Override
	public QuerySet<T> limit(int n) {
		return with(this.reactive.limit(n));
	}

	@Override
	public QuerySet<T> selectRelated(String... relations) {
		return with(this.reactive.selectRelated(relations));
	}

	@Override
	public QuerySet<T> prefetchRelated(String... relations) {
		return with(this.reactive.prefetchRelated(relations));
	}

	@Override
	public T at(int index) {
		List<T> cached = this.cache;
		if (cached != null) {
			if (index < 0) {
				throw new UnsupportedQueryException("Negative indexing is not supported (index " + index + ")");
			}
			if (index >= cached.size()) {
				throw new IndexOutOfBoundsException(
						this.reactive.entity().getModelName() + " query has no record at index " + index);
			}
			return cached.get(index);
		}
		return Blocking.blockRequired(this.reactive.at(index));
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

	/**
	 * The only record of this query.
	 * @return the record, {@code null} when there is none
	 * @throws dev.apiorm.exception.MultipleObjectsReturnedException when there is more
	 * than one
	 */
	public @Nullable T only() {
		return Blocking.block(this.reactive.only());
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
		List<T> cached = this.cache;
		return (cached != null) ? cached.size() : Blocking.blockRequired(this.reactive.count());
	}

	@Override
	public boolean exists() {
		List<T> cached = this.cache;
		return (cached != null) ? !cached.isEmpty() : Blocking.blockRequired(this.reactive.exists());
	}

	@Override
	public List<T> list() {
		List<T> cached = this.cache;
		if (cached == null) {
			cached = Collections.unmodifiableList(Blocking.blockRequired(this.reactive.list()));
			this.cache = cached;
		}
		return cached;
	}

	/**
	 * Iterates the records; as in Django, iterating to the end fills the result cache, so
	 * that iterating again, {@code count()}, {@code at(i)} and {@code values()} send
	 * nothing. {@link #stream()} streams without keeping the records.
	 */
	@Override
	public Iterator<T> iterator() {
		List<T> cached = this.cache;
		if (cached != null) {
			return cached.iterator();
		}
		Iterator<T> records = pages().iterator();
		List<T> seen = new ArrayList<>();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				boolean more = records.hasNext();
				if (!more && DefaultQuerySet.this.cache == null) {
					DefaultQuerySet.this.cache = Collections.unmodifiableList(seen);
				}
				return more;
			}

			@Override
			public T next() {
				T record = records.next();
				seen.add(record);
				return record;
			}

		};
	}

	@Override
	public Stream<T> stream() {
		List<T> cached = this.cache;
		return (cached != null) ? cached.stream() : pages();
	}

	private Stream<T> pages() {
		return Blocking
			.stream(this.reactive.operations().findPages(this.reactive.query(), this.reactive.entity().getType()));
	}

	@Override
	public List<Map<String, Object>> values(String... fields) {
		Flux<Map<String, Object>> cached = cachedMaps();
		return Blocking
			.blockRequired((cached != null) ? this.reactive.values(cached, fields) : this.reactive.values(fields));
	}

	@Override
	public List<List<Object>> valuesList(String... fields) {
		Flux<Map<String, Object>> cached = cachedMaps();
		return Blocking.blockRequired(
				(cached != null) ? this.reactive.valuesList(cached, fields) : this.reactive.valuesList(fields));
	}

	@Override
	public <V> List<V> valuesListFlat(String field, Class<V> type) {
		Flux<Map<String, Object>> cached = cachedMaps();
		return Blocking.blockRequired((cached != null) ? this.reactive.valuesListFlat(cached, field, type)
				: this.reactive.valuesListFlat(field, type));
	}

	/**
	 * The cached records as maps of API names, {@code null} before the query set has been
	 * evaluated.
	 */
	private @Nullable Flux<Map<String, Object>> cachedMaps() {
		List<T> cached = this.cache;
		if (cached == null) {
			return null;
		}
		ApiEntityCodec<T> codec = this.reactive.entity().getCodec();
		return Flux.fromIterable(cached).map(codec::toJsonMap);
	}

	@Override
	public Page<T> page(Pageable pageable) {
		return Blocking.blockRequired(this.reactive.page(pageable));
	}

	@Override
	public String toString() {
		return "QuerySet[" + this.reactive.entity().getModelName() + " " + this.reactive.query() + "]";
	}

}
