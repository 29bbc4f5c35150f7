package dev.apiorm.dialect;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Pagination;

/**
 * How an API pages, as one of its responses shows it (from the envelope's links and
 * sizes), whatever the client asked for.
 *
 * @param start the index in the collection of the page's first record, {@code null} when
 * the response does not show it
 * @param style the pagination the links use, {@code null} when they do not show it
 * @param pageSize the number of records a full page holds, {@code null} when the response
 * does not show it
 */
public record PageLayout(@Nullable Long start, @Nullable Pagination style, @Nullable Integer pageSize) {

	/** A response that shows nothing of the API's paging. */
	public static final PageLayout UNKNOWN = new PageLayout(null, null, null);

}
