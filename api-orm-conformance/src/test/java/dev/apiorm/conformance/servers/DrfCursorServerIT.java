package dev.apiorm.conformance.servers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import dev.apiorm.conformance.DrfServer;
import dev.apiorm.conformance.RawAnswer;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.conformance.dialects.DatasetAccess;
import org.junit.jupiter.api.Test;

import static dev.apiorm.conformance.RawAnswer.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DRF endpoint {@code /api/v1/cursor-books/} speaks DRF's {@code CursorPagination},
 * read over plain HTTP: {@code {next, previous, results}} with no count, opaque
 * {@code ?cursor=} links that visit every record once in the requested {@code ordering},
 * and django-filter's typed lookups.
 */
class DrfCursorServerIT {

	private static final List<Long> ALL = DatasetAccess.ids((book) -> true);

	private final DrfServer server = DrfServer.get();

	@Test
	void aListingIsNextPreviousAndTenResultsWithNoCount() {
		RawAnswer answer = books("");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.propertyNames()).containsExactlyInAnyOrder("next", "previous", "results");
		assertThat(answer.body().get("previous").isNull()).isTrue();
		assertThat(answer.body().get("next").asString()).startsWith(this.server.baseUrl() + "/api/v1/cursor-books/?")
			.contains("cursor=");
		assertThat(answer.ids("/results")).containsExactlyElementsOf(ALL.subList(0, 10));
	}

	@Test
	void followingNextVisitsEveryRecordOnceInIdOrder() {
		List<RawAnswer> pages = walk(books(query("page_size", "4")));
		assertThat(pages).hasSize(7);
		assertThat(pages.stream().flatMap((page) -> page.ids("/results").stream()).toList())
			.containsExactlyElementsOf(ALL);
	}

	@Test
	void followingNextKeepsTheOrderingAndTheFilters() {
		Predicate<Book> available = Book::getAvailable;
		List<RawAnswer> pages = walk(books(query("ordering", "-pages", "available", "true", "page_size", "3")));
		assertThat(pages.stream().flatMap((page) -> page.ids("/results").stream()).toList())
			.containsExactlyElementsOf(DatasetAccess.ids(available, Comparator.comparing(Book::getPages).reversed()));
	}

	@Test
	void previousLeadsBackToTheFirstPage() {
		RawAnswer first = books(query("page_size", "4"));
		RawAnswer second = follow(first.body().get("next").asString());
		assertThat(second.ids("/results")).containsExactlyElementsOf(ALL.subList(4, 8));
		RawAnswer back = follow(second.body().get("previous").asString());
		assertThat(back.ids("/results")).containsExactlyElementsOf(first.ids("/results"));
	}

	@Test
	void lookupsAreDjangoFiltersTypedByTheModel() {
		assertThat(books(query("pages__lt", "100")).ids("/results"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getPages() < 100))
			.isNotEmpty();
		assertThat(books(query("published__gte", "1990-01-01")).ids("/results"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getPublished().getYear() >= 1990));
		assertThat(books(query("genre__in", "novel,drama", "page_size", "50")).ids("/results"))
			.containsExactlyElementsOf(
					DatasetAccess.ids((book) -> List.of("novel", "drama").contains(book.getGenre())));
		assertThat(books(query("age__gte", "5", "offset", "20")).ids("/results")).as("unknown parameters are ignored")
			.containsExactlyElementsOf(ALL.subList(0, 10));
	}

	@Test
	void writesAreRestOnTheRecordsPath() {
		String url = this.server.baseUrl() + "/api/v1/cursor-books/";
		String token = "Token " + this.server.token();
		RawAnswer created = RawAnswer.send("POST", url, "{\"title\":\"Written\",\"pages\":12}", "Authorization", token);
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		RawAnswer patched = RawAnswer.send("PATCH", url + id + "/", "{\"pages\":13}", "Authorization", token);
		assertThat(patched.body().get("pages").asInt()).isEqualTo(13);
		assertThat(RawAnswer.send("DELETE", url + id + "/", "", "Authorization", token).status()).isEqualTo(204);
		assertThat(RawAnswer.get(url + id + "/", "Authorization", token).status()).isEqualTo(404);
	}

	/** Every page from the first, following {@code next} until it is null. */
	private List<RawAnswer> walk(RawAnswer first) {
		List<RawAnswer> pages = new ArrayList<>(List.of(first));
		for (RawAnswer page = first; !page.body().get("next").isNull() && pages.size() <= ALL.size();) {
			page = follow(page.body().get("next").asString());
			pages.add(page);
		}
		return pages;
	}

	private RawAnswer follow(String url) {
		return RawAnswer.get(url, "Authorization", "Token " + this.server.token());
	}

	private RawAnswer books(String query) {
		return follow(this.server.baseUrl() + "/api/v1/cursor-books/" + query);
	}

}
