package dev.apiorm.core.page;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apiorm.Pagination;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page size a window starts with, and what a page's layout teaches about an
 * endpoint's paging.
 */
class PagingProfileTests {

	private static final PagingProfile OFFSETS = new PagingProfile(Pagination.LIMIT_OFFSET, null);

	private static final PagingProfile PAGES = new PagingProfile(Pagination.PAGE_NUMBER, null);

	@Test
	void anUnlimitedWindowAsksForTheClientsPageSize() {
		assertThat(OFFSETS.pageSize(100, QueryDefinition.ALL, true)).isEqualTo(100);
	}

	@Test
	void aSmallWindowAsksForNoMoreThanItHolds() {
		assertThat(OFFSETS.pageSize(100, QueryDefinition.ALL.slice(10, 15), true)).isEqualTo(5);
		assertThat(PAGES.pageSize(100, QueryDefinition.ALL.slice(0, 5), true)).isEqualTo(5);
	}

	@Test
	void aPageNumberWindowThatStartsFurtherAsksForWholePages() {
		// page=3 of 5 would count in pages of 5: the window keeps the client's size.
		assertThat(PAGES.pageSize(100, QueryDefinition.ALL.slice(10, 15), true)).isEqualTo(100);
	}

	@Test
	void anOrderedWindowOfOneAsksForTwoSoThatAnIgnoredOrderingShows() {
		QueryDefinition first = QueryDefinition.ALL.orderedBy(List.of("name")).slice(0, 1);

		assertThat(OFFSETS.pageSize(100, first, true)).isEqualTo(2);
		assertThat(OFFSETS.pageSize(100, first, false)).isEqualTo(1);
		assertThat(OFFSETS.pageSize(100, QueryDefinition.ALL.slice(0, 1), true)).isEqualTo(1);
	}

	@Test
	void aPageSizeTheServerFixesCapsTheClientsAndCountsPageNumbers() {
		assertThat(new PagingProfile(Pagination.LIMIT_OFFSET, 10).pageSize(100, QueryDefinition.ALL, true))
			.isEqualTo(10);
		assertThat(new PagingProfile(Pagination.LIMIT_OFFSET, 500).pageSize(100, QueryDefinition.ALL, true))
			.isEqualTo(100);
		assertThat(new PagingProfile(Pagination.PAGE_NUMBER, 10).pageSize(100, QueryDefinition.ALL.slice(0, 3), true))
			.isEqualTo(10);
	}

	@Test
	void aPageOfTheSizeAskedForTeachesNothing() {
		assertThat(OFFSETS.learn(new PageLayout(0L, Pagination.LIMIT_OFFSET, 100), 100)).isEqualTo(OFFSETS);
		assertThat(OFFSETS.learn(PageLayout.UNKNOWN, 100)).isEqualTo(OFFSETS);
	}

	@Test
	void aPageOfAnotherSizeTeachesTheServersPageSize() {
		assertThat(OFFSETS.learn(new PageLayout(0L, Pagination.LIMIT_OFFSET, 10), 100))
			.isEqualTo(new PagingProfile(Pagination.LIMIT_OFFSET, 10));
	}

	@Test
	void linksOfAnotherStyleTeachTheStyleAndTheirPageSize() {
		assertThat(OFFSETS.learn(new PageLayout(0L, Pagination.PAGE_NUMBER, 100), 100))
			.isEqualTo(new PagingProfile(Pagination.PAGE_NUMBER, 100));
	}

	@Test
	void aResponseWithoutPagingKeepsTheStyle() {
		assertThat(PAGES.learn(new PageLayout(0L, Pagination.NONE, null), 100)).isEqualTo(PAGES);
	}

}
