package dev.apiorm.dialect.convention;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.apiorm.Pagination;
import dev.apiorm.dialect.Dialect.PageStart;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.QueryParameter;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.exception.ConfigurationException;

/**
 * How a convention pages, compiled once from its description: the parameters that ask for
 * a page, the next page written from the request when the server links none, and what an
 * answer shows of the paging the server applied.
 */
final class ConventionPaging {

	private final Pagination style;

	private final String offset;

	private final String limit;

	private final String page;

	private final String size;

	private final long firstPage;

	private final QueryParameter offsetParameter;

	private final QueryParameter limitParameter;

	private final QueryParameter pageParameter;

	private final QueryParameter sizeParameter;

	private final QueryParameter cursorParameter;

	private final @Nullable BodyPath shownOffset;

	private final @Nullable BodyPath shownPage;

	private final @Nullable BodyPath shownSize;

	ConventionPaging(ConventionDescription.Paging paging, String property) {
		this.style = style(paging.type(), property + ".type");
		this.offset = QueryValues.encode(or(paging.offset(), "offset"));
		this.limit = QueryValues.encode(or(paging.limit(), "limit"));
		this.page = QueryValues.encode(or(paging.page(), "page"));
		this.size = QueryValues.encode(or(paging.size(), "size"));
		Integer first = paging.firstPage();
		if (first != null && first != 0 && first != 1) {
			throw new ConfigurationException(
					"Invalid value '" + first + "' for " + property + ".first-page: must be 0 or 1");
		}
		this.firstPage = (first != null) ? first : 1;
		this.offsetParameter = new QueryParameter(this.offset);
		this.limitParameter = new QueryParameter(this.limit);
		this.pageParameter = new QueryParameter(this.page);
		this.sizeParameter = new QueryParameter(this.size);
		this.cursorParameter = new QueryParameter(QueryValues.encode(or(paging.cursor(), "cursor")));
		this.shownOffset = path(paging.shownOffset(), property + ".shown-offset");
		this.shownPage = path(paging.shownPage(), property + ".shown-page");
		this.shownSize = path(paging.shownSize(), property + ".shown-size");
	}

	private static String or(@Nullable String value, String otherwise) {
		return (value != null && !value.isBlank()) ? value.trim() : otherwise;
	}

	private static @Nullable BodyPath path(@Nullable String text, String property) {
		return (text != null && !text.isBlank()) ? BodyPath.of(text, property) : null;
	}

	static Pagination style(@Nullable String type, String property) {
		String name = (type != null) ? type.trim().toLowerCase(Locale.ROOT) : "offset";
		return switch (name) {
			case "offset", "limit-offset" -> Pagination.LIMIT_OFFSET;
			case "page", "page-number" -> Pagination.PAGE_NUMBER;
			case "cursor" -> Pagination.CURSOR;
			case "none" -> Pagination.NONE;
			default -> throw new ConfigurationException(
					"Invalid value '" + type + "' for " + property + ": must be offset, page, cursor or none");
		};
	}

	/**
	 * The pagination this convention pages by.
	 */
	Pagination style() {
		return this.style;
	}

	PageStart start(Pagination asked, long offset, int pageSize) {
		if (asked == Pagination.NONE || this.style == Pagination.NONE) {
			return new PageStart("", (int) Math.min(offset, Integer.MAX_VALUE));
		}
		return switch (this.style) {
			case PAGE_NUMBER ->
				new PageStart(this.page + "=" + (offset / pageSize + this.firstPage) + "&" + this.size + "=" + pageSize,
						(int) (offset % pageSize));
			// A cursor API starts at its first page: a later window is walked to.
			case CURSOR -> new PageStart(this.size + "=" + pageSize, (int) Math.min(offset, Integer.MAX_VALUE));
			default ->
				new PageStart(this.limit + "=" + pageSize + ((offset > 0) ? "&" + this.offset + "=" + offset : ""), 0);
		};
	}

	/**
	 * The next page, written from the request, when the server links none.
	 * @param url the URL the page was asked for
	 * @param delivered how many records the page held
	 * @param total the total, {@code null} when the server gave none
	 * @return the next page's URL, {@code null} after the last page
	 */
	@Nullable String written(String url, int delivered, @Nullable Long total) {
		if (delivered == 0) {
			return null;
		}
		return switch (this.style) {
			case LIMIT_OFFSET -> {
				Long asked = this.limitParameter.getLong(url);
				yield (total == null && asked != null && delivered < asked) ? null
						: this.offsetParameter.following(url, delivered, total);
			}
			case PAGE_NUMBER -> {
				Long number = this.pageParameter.getLong(url);
				Long asked = this.sizeParameter.getLong(url);
				long current = (number != null) ? number : this.firstPage;
				long size = (asked != null) ? asked : delivered;
				boolean last = (total != null) ? (current - this.firstPage + 1) * size >= total : delivered < size;
				yield last ? null : this.pageParameter.set(url, Long.toString(current + 1));
			}
			default -> null;
		};
	}

	/**
	 * The URL of the next page a cursor leads to.
	 * @param url the URL the page was asked for
	 * @param cursor the cursor the answer held
	 */
	String cursor(String url, String cursor) {
		return this.cursorParameter.set(url, QueryValues.encode(cursor));
	}

	/**
	 * What an answer shows of the paging the server applied.
	 * @param body the answer
	 * @param url the URL it was asked for
	 * @return the layout, {@code null} when the description names nothing it shows
	 */
	@Nullable PageLayout layout(JsonNode body, String url) {
		Long size = number(this.shownSize, body);
		if (this.style == Pagination.LIMIT_OFFSET && this.shownOffset != null) {
			Long start = number(this.shownOffset, body);
			return (start != null) ? new PageLayout(start, this.style, (size != null) ? size.intValue() : null) : null;
		}
		if (this.style == Pagination.PAGE_NUMBER && this.shownPage != null) {
			Long number = number(this.shownPage, body);
			Long asked = (size != null) ? size : this.sizeParameter.getLong(url);
			if (number != null && asked != null) {
				return new PageLayout((number - this.firstPage) * asked, this.style,
						(size != null) ? size.intValue() : null);
			}
		}
		return null;
	}

	private static @Nullable Long number(@Nullable BodyPath path, JsonNode body) {
		JsonNode node = (path != null) ? path.find(body) : null;
		return (node != null && node.canConvertToLong()) ? node.asLong() : null;
	}

}
