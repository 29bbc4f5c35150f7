package dev.apiorm.conformance.conventions;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.apiorm.ApiRepository;
import dev.apiorm.conformance.DrfServer;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.conformance.dialects.DatasetAccess;
import dev.apiorm.conformance.servers.CursorBook;
import dev.apiorm.exception.UnsupportedQueryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * DRF's {@code CursorPagination} ({@code /api/v1/cursor-books/}) read by a convention
 * with cursor paging described only in properties ({@code conventions/drf-cursor.yml}):
 * {@code page_size} on the first page, then the {@code next} links, a later window walked
 * to from the first page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrfCursorConventionIT {

	private static final List<Long> ALL = DatasetAccess.ids((book) -> true);

	private PropertiesClient client;

	private ApiRepository<CursorBook> books;

	@BeforeAll
	void connect() {
		DrfServer server = DrfServer.get();
		this.client = PropertiesClient.start("conventions/drf-cursor.yml", "--api-orm.base-url=" + server.baseUrl(),
				"--api-orm.token=" + server.token(), "--api-orm.page-size=4");
		this.books = this.client.orm().repository(CursorBook.class);
	}

	@AfterAll
	void close() {
		this.client.close();
	}

	@Test
	void iterationWindowsAndCountsFollowTheCursors() {
		assertThat(ids(this.books.all().list())).containsExactlyElementsOf(ALL);
		assertThat(this.books.all().stream().map(Book::getId).toList()).containsExactlyElementsOf(ALL);
		assertThat(this.books.count()).isEqualTo(ALL.size());
		assertThat(this.books.all().first()).get().extracting(Book::getId).isEqualTo(ALL.get(0));
		assertThat(ids(this.books.all().slice(0, 5).list())).containsExactlyElementsOf(ALL.subList(0, 5));
		assertThat(ids(this.books.all().slice(12, 15).list())).containsExactlyElementsOf(ALL.subList(12, 15));
		assertThat(this.client.orm()
			.reactiveRepository(CursorBook.class)
			.all()
			.flux()
			.map(Book::getId)
			.collectList()
			.block()).containsExactlyElementsOf(ALL);
	}

	@Test
	void filtersAndOrderingsAreDjangoFiltersAndTheLinksKeepThem() {
		assertThat(ids(this.books.filter("genre__in", List.of("novel", "drama")).filter("pages__gt", 200).list()))
			.containsExactlyElementsOf(
					DatasetAccess.ids((b) -> List.of("novel", "drama").contains(b.getGenre()) && b.getPages() > 200));
		assertThat(ids(this.books.orderBy("-pages").list()))
			.containsExactlyElementsOf(DatasetAccess.ids((b) -> true, Comparator.comparing(Book::getPages).reversed()));
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.books.filter("title__contains", "a").list())
			.withMessageContaining("'convention'");
	}

	private static List<Long> ids(List<? extends Book> books) {
		return books.stream().map(Book::getId).toList();
	}

}
