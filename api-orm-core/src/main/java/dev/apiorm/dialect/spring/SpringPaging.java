package dev.apiorm.dialect.spring;

import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.dialect.PageFields;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.dialect.Dialect.PageStart;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.QueryParameter;
import dev.apiorm.dialect.QueryValues;

/**
 * What Spring Data's web support reads and writes the same way for every Spring server:
 * {@code sort=field,desc} (one parameter per field, Java property names), 0-based
 * {@code page} with {@code size}, and the page metadata {@code number}, {@code size},
 * {@code totalElements} and {@code totalPages}.
 */
final class SpringPaging {

	static final QueryParameter PAGE = new QueryParameter("page");

	private SpringPaging() {
	}

	static void sort(List<String> ordering, StringJoiner parameters) {
		for (String field : ordering) {
			boolean descending = field.startsWith("-");
			parameters.add("sort=" + QueryValues.encode(descending ? field.substring(1) : field)
					+ (descending ? ",desc" : ",asc"));
		}
	}

	/**
	 * Pageable has page numbers only: an offset is asked for as the page that holds it.
	 */
	static PageStart pageParameters(Pagination pagination, long offset, int size) {
		Assert.isTrue(size > 0, "size must be positive");
		if (pagination == Pagination.NONE) {
			return new PageStart("", (int) Math.min(offset, Integer.MAX_VALUE));
		}
		if (pagination == Pagination.CURSOR) {
			// The first page, then the pages its links lead to.
			return new PageStart("page=0&size=" + size, (int) Math.min(offset, Integer.MAX_VALUE));
		}
		return new PageStart("page=" + (offset / size) + "&size=" + size, (int) (offset % size));
	}

	/**
	 * The paging metadata of a page, read strictly: {@code number}, {@code size},
	 * {@code totalElements} and {@code totalPages} are each missing or a non-negative
	 * integer, and the metadata is an object.
	 * @param dialect the dialect's name, for messages
	 * @param field where the metadata stands in the body, for messages
	 * @param metadata the metadata, {@code null} when the page has none
	 * @return the metadata
	 * @throws ApiDecodeException when a field has another type or is negative
	 */
	static Metadata metadata(String dialect, String field, @Nullable JsonNode metadata) {
		if (metadata == null || metadata.isNull()) {
			return Metadata.NONE;
		}
		if (!metadata.isObject()) {
			throw new ApiDecodeException(
					dialect + ": the page's '" + field + "' is " + metadata
							+ ", not Spring's page metadata (an object with number, size, totalElements, totalPages)",
					null);
		}
		String prefix = field.isEmpty() ? "" : field + ".";
		return new Metadata(PageFields.count(dialect, prefix + "number", metadata.get("number")),
				PageFields.count(dialect, prefix + "size", metadata.get("size")),
				PageFields.count(dialect, prefix + "totalElements", metadata.get("totalElements")),
				PageFields.count(dialect, prefix + "totalPages", metadata.get("totalPages")));
	}

	/**
	 * Spring's page metadata.
	 *
	 * @param number the 0-based page number
	 * @param size the page size the server served
	 * @param totalElements the number of matching records
	 * @param totalPages the number of pages
	 */
	record Metadata(@Nullable Long number, @Nullable Long size, @Nullable Long totalElements,
			@Nullable Long totalPages) {

		static final Metadata NONE = new Metadata(null, null, null, null);

		/**
		 * The layout the metadata shows: where the page starts and the size the server
		 * serves (which it caps, {@code max-page-size}).
		 */
		PageLayout layout() {
			if (this.number == null || this.size == null || this.size <= 0 || this.size > Integer.MAX_VALUE) {
				return PageLayout.UNKNOWN;
			}
			return new PageLayout(this.number * this.size, Pagination.PAGE_NUMBER, this.size.intValue());
		}

		/**
		 * The next page's URL written from the request's, when the metadata shows one
		 * more page.
		 */
		@Nullable String next(String requestUrl) {
			if (this.number == null || this.totalPages == null || this.number + 1 >= this.totalPages) {
				return null;
			}
			return PAGE.set(requestUrl, Long.toString(this.number + 1));
		}

	}

}
