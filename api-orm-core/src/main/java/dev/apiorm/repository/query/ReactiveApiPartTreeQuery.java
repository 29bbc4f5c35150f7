package dev.apiorm.repository.query;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;

import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.query.QueryDefinition;

/**
 * A derived query method of a reactive repository, executed on
 * {@link ReactiveApiOperations}: {@code Mono} of one record, a count, existence, a
 * {@code Page}, {@code Slice} or {@code Window}; {@code Flux} of the records, following
 * pages with backpressure; with projections.
 */
final class ReactiveApiPartTreeQuery extends AbstractApiPartTreeQuery {

	private final ReactiveApiOperations operations;

	ReactiveApiPartTreeQuery(QueryMethod queryMethod, Class<?> returnType, MethodQuery methodQuery,
			ApiPersistentEntity<?> entity, ReactiveApiOperations operations, String methodName) {
		super(queryMethod, returnType, methodQuery, entity, operations.getDialect(), operations.getSchemaCheck(),
				methodName);
		this.operations = operations;
	}

	@Override
	Object doExecute(QueryDefinition query, ParametersParameterAccessor accessor) {
		Pageable pageable = accessor.getPageable();
		Class<?> type = entity().getType();
		return switch (kind()) {
			case COUNT -> this.operations.count(query, type);
			case EXISTS -> this.operations.exists(query, type);
			case PAGE -> pageable.isUnpaged() ? this.operations.find(query, type).collectList().map(PageImpl::new)
					: this.operations.findCounted(window(query, pageable, 0), type)
						.map((counted) -> new PageImpl<>(counted.records(), pageable, counted.total()));
			case SLICE -> slice(query, pageable, type);
			case WINDOW -> window(query, accessor, type);
			case COLLECTION, STREAM ->
				this.operations.find(pageable.isPaged() ? window(query, pageable, 0) : query, type);
			case SINGLE -> single(query, type);
		};
	}

	private Mono<?> slice(QueryDefinition query, Pageable pageable, Class<?> type) {
		if (pageable.isUnpaged()) {
			return this.operations.find(query, type).collectList().map(SliceImpl::new);
		}
		return this.operations.find(window(query, pageable, 1), type).collectList().map((records) -> {
			boolean hasNext = records.size() > pageable.getPageSize();
			return new SliceImpl<>(hasNext ? records.subList(0, pageable.getPageSize()) : records, pageable, hasNext);
		});
	}

	private Mono<?> window(QueryDefinition query, ParametersParameterAccessor accessor, Class<?> type) {
		long start = scrollStart(accessor);
		Long size = query.limit();
		QueryDefinition window = query.unsliced().slice(start, (size != null) ? start + size + 1 : Long.MAX_VALUE);
		return this.operations.find(window, type).collectList().map((records) -> {
			int kept = (size != null && records.size() > size) ? size.intValue() : records.size();
			boolean hasMore = kept < records.size();
			return Window.from(records.subList(0, kept), OffsetScrollPosition.positionFunction(start), hasMore);
		});
	}

	private Mono<?> single(QueryDefinition query, Class<?> type) {
		if (isLimiting()) {
			return this.operations.find(query.slice(0, 1), type).next();
		}
		return this.operations.findCounted(query.slice(0, 2), type).flatMap((result) -> {
			if (result.records().size() > 1 || result.total() > 1) {
				return Mono.error(new MultipleObjectsReturnedException(entity().getType(),
						getQueryMethod().getName() + " returned more than one " + entity().getModelName()
								+ " -- it returned " + Math.max(result.total(), result.records().size())));
			}
			return Mono.justOrEmpty(result.records().isEmpty() ? null : result.records().get(0));
		});
	}

}
