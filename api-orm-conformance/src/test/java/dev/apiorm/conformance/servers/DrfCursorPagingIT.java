package dev.apiorm.conformance.servers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.conformance.DrfServer;
import dev.apiorm.conformance.RightOrRefused;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.conformance.dialects.DatasetAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code drf} dialect against DRF's {@code CursorPagination}: {@code {next, previous,
 * results}} without a count, opaque {@code ?cursor=} links and a page size the server
 * fixes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrfCursorPagingIT {

	private static final List<Long> ALL = DatasetAccess.ids((book) -> true);

	private ApiOrm orm;

	private ApiRepository<CursorBook> books;

	private final List<String> answered = new ArrayList<>();

	private final List<String> refused = new ArrayList<>();

	@BeforeAll
	void connect() {
		this.orm = DrfServer.get().client().pageSize(4).build();
		this.books = this.orm.repository(CursorBook.class);
	}

	@AfterAll
	void close() {
		this.orm.close();
	}

	@Test
	void everyOperationIsRightOrRefused() {
		check("all().list()", () -> ids(this.books.all().list()), ALL);
		check("all().stream()", () -> this.books.all().stream().map(Book::getId).toList(), ALL);
		check("all().count()", () -> this.books.all().count(), (long) ALL.size());
		check("first()", () -> this.books.all().first().map(Book::getId).orElse(null), ALL.get(0));
		check("slice(0, 5)", () -> ids(this.books.all().slice(0, 5).list()), ALL.subList(0, 5));
		check("slice(12, 15)", () -> ids(this.books.all().slice(12, 15).list()), ALL.subList(12, 15));
		check("filter(pages__lt=100).list()", () -> ids(this.books.filter("pages__lt", 100).list()),
				DatasetAccess.ids((book) -> book.getPages() < 100));
		check("orderBy(-pages).list()", () -> this.books.orderBy("-pages").list().stream().map(Book::getPages).toList(),
				DatasetAccess.books().stream().map(Book::getPages).sorted(Comparator.reverseOrder()).toList());
		check("flux()",
				() -> this.orm.reactiveRepository(CursorBook.class).all().flux().map(Book::getId).collectList().block(),
				ALL);
		// The window that starts at 12 is walked to from the first page.
		assertThat(this.refused).isEmpty();
		assertThat(this.answered).hasSize(9);
	}

	private <T> void check(String what, Supplier<T> operation, T truth) {
		(RightOrRefused.check(what, operation, truth) ? this.answered : this.refused).add(what);
	}

	private static List<Long> ids(List<? extends Book> books) {
		return books.stream().map(Book::getId).toList();
	}

}
