package dev.apiorm.dialect.spring;

import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
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
		return new PageStart("page=" + (offset / size) + "&size=" + size, (int) (offset % size));
	}

	/**
	 * The layout a page's metadata shows: where it starts and the size the server serves
	 * (which it caps, {@code max-page-size}).
	 */
	static PageLayout layout(@Nullable JsonNode metadata) {
		if (metadata == null || !metadata.isObject()) {
			return PageLayout.UNKNOWN;
		}
		JsonNode number = metadata.get("number");
		JsonNode size = metadata.get("size");
		if (number == null || !number.isIntegralNumber() || size == null || !size.isIntegralNumber()
				|| size.asInt() <= 0) {
			return PageLayout.UNKNOWN;
		}
		return new PageLayout(number.asLong() * size.asInt(), Pagination.PAGE_NUMBER, size.asInt());
	}

	static @Nullable Long total(@Nullable JsonNode metadata) {
		JsonNode total = (metadata != null) ? metadata.get("totalElements") : null;
		return (total != null && total.isIntegralNumber()) ? total.asLong() : null;
	}

	/**
	 * The next page's URL written from the request's, when the metadata shows one more
	 * page.
	 */
	static @Nullable String next(@Nullable JsonNode metadata, String requestUrl) {
		if (metadata == null) {
			return null;
		}
		JsonNode number = metadata.get("number");
		JsonNode pages = metadata.get("totalPages");
		if (number == null || pages == null || !number.isIntegralNumber() || !pages.isIntegralNumber()
				|| number.asLong() + 1 >= pages.asLong()) {
			return null;
		}
		return PAGE.set(requestUrl, Long.toString(number.asLong() + 1));
	}

}
