package dev.apiorm.dialect;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of records as a response held it.
 *
 * @param records the records, in order
 * @param count the total number of matching records, when the API said
 * @param next the link of the next page, {@code null} on the last page
 * @param paginated {@code false} when the body was the whole collection as an array
 * @param <R> the record type
 */
public record PageResult<R>(List<R> records, @Nullable Long count, @Nullable String next, boolean paginated) {
}
