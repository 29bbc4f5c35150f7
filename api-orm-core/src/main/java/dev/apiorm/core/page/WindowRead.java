package dev.apiorm.core.page;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.query.RecordFields;

/**
 * What one read of a window asks for, as the {@link PageStage}s see it.
 *
 * @param entity the model
 * @param operation the operation, as metrics and messages name it ({@code list},
 * {@code count}, {@code exists})
 * @param query the query with its window
 * @param fields the fields of the records as read, {@code null} when records are only
 * counted
 * @param handedOut whether the records are instances of the model handed out to the
 * caller (not maps of values, nor records read only to be counted)
 * @param <R> the record type
 */
public record WindowRead<R>(ApiPersistentEntity<?> entity, String operation, QueryDefinition query,
		@Nullable RecordFields<R> fields, boolean handedOut) {

	public WindowRead {
		Assert.notNull(entity, "entity must not be null");
		Assert.hasText(operation, "operation must not be empty");
		Assert.notNull(query, "query must not be null");
	}

	/**
	 * This read for another query, as a count that reads every page after its first
	 * request showed no total.
	 * @param other the query
	 * @return the read
	 */
	public WindowRead<R> withQuery(QueryDefinition other) {
		return new WindowRead<>(this.entity, this.operation, other, this.fields, this.handedOut);
	}

}
