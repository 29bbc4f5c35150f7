package dev.apiorm.repository.query;

import java.lang.reflect.Method;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.PartTree;

import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.mapping.ModelMetadata;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.repository.support.DefaultQuerySet;
import dev.apiorm.repository.support.DefaultReactiveQuerySet;

/**
 * A derived query method ({@code findByEmail}, {@code countByRole},
 * {@code findTop5ByActiveTrueOrderByNameDesc}), parsed once at start-up by Spring Data's
 * {@link PartTree} and checked against the dialect, then executed as a query set.
 */
public class PartTreeApiQuery implements RepositoryQuery {

	private final QueryMethod queryMethod;

	private final PartTree tree;

	private final ModelMetadata<?> model;

	private final ApiOperations operations;

	private final Kind kind;

	private final boolean reactive;

	public PartTreeApiQuery(QueryMethod queryMethod, Method method, ModelMetadata<?> model, ApiOperations operations) {
		this.queryMethod = queryMethod;
		this.model = model;
		this.operations = operations;
		String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
		try {
			this.tree = new PartTree(method.getName(), model.type());
		}
		catch (RuntimeException ex) {
			throw new ConfigurationException(
					name + " is not a valid derived query for " + model.name() + ": " + ex.getMessage(), ex);
		}
		if (this.tree.isDelete()) {
			throw new ConfigurationException(name + ": derived delete queries are not supported; use delete()");
		}
		Class<?> returnType = method.getReturnType();
		this.reactive = Mono.class.isAssignableFrom(returnType) || Flux.class.isAssignableFrom(returnType);
		this.kind = Kind.of(this.tree, queryMethod, returnType);
		try {
			QueryDefinition template = new ApiQueryCreator(this.tree, model, name).createQuery();
			operations.dialect().queryParameters(template.filter(), template.ordering());
		}
		catch (UnsupportedQueryException ex) {
			throw new ConfigurationException(name + " cannot be expressed by the '" + operations.dialect().name()
					+ "' dialect: " + ex.getMessage(), ex);
		}
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.queryMethod;
	}

	@Override
	public Object execute(Object[] parameters) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.queryMethod.getParameters(),
				parameters);
		QueryDefinition query = new ApiQueryCreator(this.tree, accessor, this.model, this.queryMethod.getName())
			.createQuery(accessor.getSort());
		DefaultReactiveQuerySet<?> querySet = new DefaultReactiveQuerySet<>(this.operations, this.model, query);
		Integer maxResults = this.tree.getMaxResults();
		if (maxResults != null) {
			querySet = querySet.limit(maxResults);
		}
		return this.reactive ? executeReactive(querySet, accessor.getPageable())
				: executeBlocking(new DefaultQuerySet<>(querySet), accessor.getPageable());
	}

	private Object executeReactive(DefaultReactiveQuerySet<?> querySet, Pageable pageable) {
		return switch (this.kind) {
			case COUNT -> querySet.count();
			case EXISTS -> querySet.exists();
			case PAGE -> querySet.page(pageable);
			case COLLECTION, STREAM ->
				pageable.isPaged() ? querySet.page(pageable).flatMapIterable((page) -> page) : querySet.flux();
			case SINGLE -> single(querySet);
		};
	}

	private Object executeBlocking(DefaultQuerySet<?> querySet, Pageable pageable) {
		return switch (this.kind) {
			case COUNT -> querySet.count();
			case EXISTS -> querySet.exists();
			case PAGE -> querySet.page(pageable);
			case COLLECTION -> pageable.isPaged() ? querySet.page(pageable).getContent() : querySet.list();
			case STREAM -> querySet.stream();
			case SINGLE -> this.tree.isLimiting() ? querySet.first().orElse(null) : querySet.only();
		};
	}

	/**
	 * One record: the only match, as Spring Data's single-result methods are; more than
	 * one is a {@link dev.apiorm.exception.MultipleObjectsReturnedException}, none is
	 * empty.
	 */
	private <T> Mono<T> single(DefaultReactiveQuerySet<T> querySet) {
		return this.tree.isLimiting() ? querySet.first() : querySet.only();
	}

	/**
	 * What a method returns.
	 */
	private enum Kind {

		COUNT, EXISTS, PAGE, COLLECTION, STREAM, SINGLE;

		static Kind of(PartTree tree, QueryMethod method, Class<?> returnType) {
			if (tree.isCountProjection()) {
				return COUNT;
			}
			if (tree.isExistsProjection()) {
				return EXISTS;
			}
			if (method.isPageQuery()) {
				return PAGE;
			}
			if (Stream.class.isAssignableFrom(returnType)) {
				return STREAM;
			}
			if (method.isCollectionQuery() || Flux.class.isAssignableFrom(returnType)) {
				return COLLECTION;
			}
			return SINGLE;
		}

	}

	@Override
	public String toString() {
		return "PartTreeApiQuery[" + this.queryMethod.getName() + " -> " + this.tree + "]";
	}

}
