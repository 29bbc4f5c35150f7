package dev.apiorm.repository.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;
import org.springframework.data.repository.query.ReturnedType;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiPersistentProperty;
import dev.apiorm.core.relation.RelatedRecords;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.schema.SchemaCheck;

/**
 * A query method, derived from its name ({@code findByEmail}, {@code countByRole},
 * {@code findTop5ByActiveTrueOrderByNameDesc}) by Spring Data's {@code PartTree} or
 * declared by {@link dev.apiorm.ApiQuery}, read once at start-up and checked against the
 * dialect, so that a method the API cannot answer fails start-up naming it. Subclasses
 * execute it on the blocking or the reactive template.
 */
abstract class AbstractApiPartTreeQuery implements RepositoryQuery {

	private final QueryMethod queryMethod;

	private final MethodQuery methodQuery;

	private final ApiPersistentEntity<?> entity;

	private final String name;

	private final QueryKind kind;

	/** The relations {@code @PrefetchRelated} names, fetched per page. */
	private final List<String> related;

	AbstractApiPartTreeQuery(QueryMethod queryMethod, Class<?> returnType, MethodQuery methodQuery,
			ApiPersistentEntity<?> entity, Dialect dialect, Optional<SchemaCheck> schemaCheck, String methodName) {
		this.queryMethod = queryMethod;
		this.entity = entity;
		this.name = methodName;
		this.methodQuery = methodQuery;
		this.kind = QueryKind.of(methodQuery, queryMethod, returnType);
		this.related = (queryMethod instanceof ApiQueryMethod method) ? method.related() : List.of();
		try {
			RelatedRecords.check(entity, this.related, false);
		}
		catch (UnsupportedQueryException ex) {
			throw new ConfigurationException(methodName + ": @PrefetchRelated " + ex.getMessage(), ex);
		}
		try {
			QueryDefinition template = methodQuery.template();
			dialect.queryParameters(template.filter(), template.ordering());
			schemaCheck.ifPresent((check) -> check.checkQuery(entity, methodName,
					SchemaCheck.parameterNames(dialect, template.filter(), template.ordering())));
		}
		catch (UnsupportedQueryException ex) {
			throw new ConfigurationException(
					methodName + " cannot be expressed by the '" + dialect.name() + "' dialect: " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.queryMethod;
	}

	/**
	 * Runs the method with the arguments of one call: builds the query, lets the subclass
	 * execute it, and applies the method's projection to the result.
	 */
	@Override
	public final @Nullable Object execute(@Nullable Object[] parameters) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.queryMethod.getParameters(),
				parameters);
		return project(doExecute(createQuery(accessor), accessor), accessor);
	}

	/**
	 * Executes the query of one call on the template, as the method's kind asks.
	 * @param query the query with the call's arguments
	 * @param accessor the call's arguments
	 * @return the result before projection
	 */
	abstract @Nullable Object doExecute(QueryDefinition query, ParametersParameterAccessor accessor);

	/**
	 * Whether the method's name limits its results ({@code First}, {@code Top5}).
	 */
	boolean isLimiting() {
		return this.methodQuery.maxResults() != null;
	}

	QueryKind kind() {
		return this.kind;
	}

	ApiPersistentEntity<?> entity() {
		return this.entity;
	}

	/**
	 * The query of one call: the method's condition and order with the arguments, cut to
	 * the method's {@code Top}/{@code First} and its {@link Limit} argument.
	 */
	QueryDefinition createQuery(ParametersParameterAccessor accessor) {
		QueryDefinition query = this.methodQuery.create(accessor).withRelated(this.related);
		Long limit = limit(accessor);
		return (limit != null) ? query.slice(0, limit) : query;
	}

	private @Nullable Long limit(ParametersParameterAccessor accessor) {
		Integer maxResults = this.methodQuery.maxResults();
		// Without a Limit parameter Spring Data derives one from the Pageable, which the
		// paged kinds apply themselves.
		Limit limit = this.queryMethod.getParameters().hasLimitParameter() ? accessor.getLimit() : Limit.unlimited();
		if (limit.isLimited()) {
			return (maxResults != null) ? Math.min(maxResults, limit.max()) : (long) limit.max();
		}
		return (maxResults != null) ? Long.valueOf(maxResults) : null;
	}

	/**
	 * The window of a paged query.
	 */
	static QueryDefinition window(QueryDefinition query, Pageable pageable, int extra) {
		return query.slice(pageable.getOffset(), pageable.getOffset() + pageable.getPageSize() + extra);
	}

	/**
	 * The index of the first record after an offset scroll position.
	 */
	long scrollStart(ParametersParameterAccessor accessor) {
		ScrollPosition position = accessor.getScrollPosition();
		if (position == null) {
			return 0;
		}
		if (!(position instanceof OffsetScrollPosition offset)) {
			throw new UnsupportedQueryException(
					this.name + ": only offset scrolling is supported (ScrollPosition.offset())," + " not "
							+ position.getClass().getSimpleName());
		}
		return offset.isInitial() ? 0 : offset.getOffset() + 1;
	}

	/**
	 * Applies the method's projection (interface or DTO, static or dynamic) to a result.
	 */
	@Nullable Object project(@Nullable Object result, ParametersParameterAccessor accessor) {
		ResultProcessor processor = this.queryMethod.getResultProcessor().withDynamicProjection(accessor);
		ReturnedType returned = processor.getReturnedType();
		if (!returned.isProjecting()) {
			return result;
		}
		return processor.processResult(result,
				returned.isDtoProjection() ? dto(returned.getReturnedType()) : (source) -> source);
	}

	/**
	 * Builds a DTO from a record's Java properties with the model's JSON mapper, so a
	 * record class or a bean with matching property names needs no converter.
	 */
	private Converter<Object, Object> dto(Class<?> type) {
		return (source) -> {
			if (!this.entity.getType().isInstance(source)) {
				return source;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			var accessor = ((ApiPersistentEntity<Object>) this.entity).getPropertyAccessor(source);
			this.entity.doWithProperties(
					(ApiPersistentProperty property) -> values.put(property.getName(), accessor.getProperty(property)));
			return this.entity.getCodec().convertValue(values, type);
		};
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.name + " -> " + this.methodQuery.describe() + "]";
	}

}
