package dev.apiorm;

import org.springframework.util.Assert;

/**
 * The outcome of {@code getOrCreate} and {@code updateOrCreate}: the record and whether
 * it was created by the call.
 *
 * @param <T> the model type
 * @param object the record as the server returned it
 * @param created {@code true} when the record was created by the call
 */
public record GetOrCreateResult<T>(T object, boolean created) {

	public GetOrCreateResult {
		Assert.notNull(object, "object must not be null");
	}

}
