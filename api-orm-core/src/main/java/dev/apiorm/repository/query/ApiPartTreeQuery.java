package dev.apiorm.repository.query;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;

import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.Blocking;
import dev.apiorm.core.ReactiveApiOperations.CountedRecords;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.query.QueryDefinition;

/**
 * A derived query method of a blocking repository, executed on {@link ApiOperations}:
 * single results, {@code List}, {@code Stream} (following pages lazily), {@code Page},
 * {@code Slice}, {@code Window}, counts and existence, with projections.
 */
final class ApiPartTreeQuery extends AbstractApiPartTreeQuery {

	private final ApiOperations operations;

	ApiPartTreeQuery(QueryMethod queryMethod, Class<?> returnType, MethodQuery methodQuery,
			ApiPersistentEntity<?> entity, ApiOperations operations, String methodName) {
		super(queryMethod, returnType, methodQuery, entity, operations.reactive().getDialect(),
				operations.reactive().getSchemaCheck(), methodName);
		this.operations = operations;
	}

	@Override
	@Nullable Object doExecute(QueryDefinition query, ParametersParameterAccessor accessor) {
		Pageable pageable = accessor.getPageable();
		Class<?> type = entity().getType();
		return switch (kind()) {
			case COUNT -> this.operations.count(query, type);
			case EXISTS -> this.operations.exists(query, type);
			case PAGE -> page(query, pageable, type);
			case SLICE -> slice(query, pageable, type);
			case WINDOW -> window(query, accessor, type);
			case STREAM -> this.operations.stream(query, type);
			case COLLECTION -> this.operations.find(pageable.isPaged() ? window(query, pageable, 0) : query, type);
			case SINGLE -> single(query, type);
		};
	}

	private Object page(QueryDefinition query, Pageable pageable, Class<?> type) {
		if (pageable.isUnpaged()) {
			return new PageImpl<>(this.operations.find(query, type));
		}
		CountedRecords<?> counted = Blocking
			.blockRequired(this.operations.reactive().findCounted(window(query, pageable, 0), type));
		return new PageImpl<>(counted.records(), pageable, counted.total());
	}

	private Object slice(QueryDefinition query, Pageable pageable, Class<?> type) {
		if (pageable.isUnpaged()) {
			return new SliceImpl<>(this.operations.find(query, type));
		}
		List<Object> records = find(window(query, pageable, 1), type);
		boolean hasNext = records.size() > pageable.getPageSize();
		return new SliceImpl<>(hasNext ? records.subList(0, pageable.getPageSize()) : records, pageable, hasNext);
	}

	private Object window(QueryDefinition query, ParametersParameterAccessor accessor, Class<?> type) {
		long start = scrollStart(accessor);
		Long size = query.limit();
		QueryDefinition window = query.unsliced().slice(start, (size != null) ? start + size + 1 : Long.MAX_VALUE);
		List<Object> records = find(window, type);
		int kept = (size != null && records.size() > size) ? size.intValue() : records.size();
		boolean hasMore = kept < records.size();
		return Window.from(records.subList(0, kept), OffsetScrollPosition.positionFunction(start), hasMore);
	}

	@SuppressWarnings("unchecked")
	private List<Object> find(QueryDefinition query, Class<?> type) {
		return (List<Object>) this.operations.find(query, type);
	}

	private @Nullable Object single(QueryDefinition query, Class<?> type) {
		if (isLimiting()) {
			List<?> first = this.operations.find(query.slice(0, 1), type);
			return first.isEmpty() ? null : first.get(0);
		}
		CountedRecords<?> result = Blocking
			.blockRequired(this.operations.reactive().findCounted(query.slice(0, 2), type));
		if (result.records().size() > 1 || result.total() > 1) {
			throw new MultipleObjectsReturnedException(entity().getType(),
					getQueryMethod().getName() + " returned more than one " + entity().getModelName()
							+ " -- it returned " + Math.max(result.total(), result.records().size()));
		}
		return result.records().isEmpty() ? null : result.records().get(0);
	}

}
