package dev.apiorm.core.page;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Pagination;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.query.QueryDefinition;

/**
 * How an endpoint pages, as configured at first and then as its responses showed: the
 * pagination style, and the page size the server fixes whatever the client asks for.
 *
 * @param style the pagination style
 * @param fixedSize the server's page size, {@code null} while it honours the size asked
 * for
 */
record PagingProfile(Pagination style, @Nullable Integer fixedSize) {

	/**
	 * The size of the page that starts a window.
	 * @param configured the client's page size
	 * @param query the query with its window
	 * @param verify whether results are verified
	 * @return the number of records to ask for
	 */
	int pageSize(int configured, QueryDefinition query, boolean verify) {
		Integer fixed = this.fixedSize;
		if (fixed != null && this.style == Pagination.PAGE_NUMBER) {
			// Page numbers count in the server's pages.
			return fixed;
		}
		int size = (fixed != null) ? Math.min(fixed, configured) : configured;
		Long limit = query.limit();
		if (limit != null && limit < size && (this.style == Pagination.LIMIT_OFFSET || query.offset() == 0)) {
			// One record cannot show an ordering the server ignored: ask for two.
			boolean checkOrder = limit == 1 && verify && !query.ordering().isEmpty();
			return (int) Math.max(checkOrder ? 2 : 1, limit);
		}
		return size;
	}

	/**
	 * This profile as a page showed it.
	 * @param layout what the page showed of the server's paging
	 * @param size the page size that was asked for
	 * @return the profile learnt, equal to this one when the page showed nothing new
	 */
	PagingProfile learn(PageLayout layout, int size) {
		Pagination shownStyle = (layout.style() != null && layout.style() != Pagination.NONE) ? layout.style()
				: this.style;
		Integer learntSize = this.fixedSize;
		Integer shown = layout.pageSize();
		if (shown != null && shown > 0 && (shown != size || shownStyle != this.style)) {
			// The server serves its own page size (whatever the size asked for, when the
			// parameter asked by was another style's).
			learntSize = shown;
		}
		return new PagingProfile(shownStyle, learntSize);
	}

}
