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
 * @param previous the link of the previous page, {@code null} on the first page or when
 * the API gives none
 * @param layout how the API paged this response, when its body shows it directly (a page
 * number and size), {@code null} otherwise
 * @param <R> the record type
 */
public record PageResult<R>(List<R> records, @Nullable Long count, @Nullable String next, boolean paginated,
		@Nullable String previous, @Nullable PageLayout layout) {

	/**
	 * A page whose links show how the API pages.
	 * @param records the records, in order
	 * @param count the total number of matching records, when the API said
	 * @param next the link of the next page, {@code null} on the last page
	 * @param paginated {@code false} when the body was the whole collection as an array
	 * @param previous the link of the previous page, {@code null} on the first page or
	 * when the API gives none
	 */
	public PageResult(List<R> records, @Nullable Long count, @Nullable String next, boolean paginated,
			@Nullable String previous) {
		this(records, count, next, paginated, previous, null);
	}

	/**
	 * A page without a link to the previous one.
	 * @param records the records, in order
	 * @param count the total number of matching records, when the API said
	 * @param next the link of the next page, {@code null} on the last page
	 * @param paginated {@code false} when the body was the whole collection as an array
	 */
	public PageResult(List<R> records, @Nullable Long count, @Nullable String next, boolean paginated) {
		this(records, count, next, paginated, null);
	}

	/**
	 * This page's records taken as the whole collection, to be windowed by the client.
	 * @return the records as an unpaginated result
	 */
	public PageResult<R> asWholeCollection() {
		return new PageResult<>(this.records, (long) this.records.size(), null, false, null, null);
	}

}
