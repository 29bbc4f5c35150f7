package dev.apiorm.conformance.spring;

import java.util.Comparator;
import java.util.List;

import dev.apiorm.conformance.RawAnswer;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.conformance.dialects.DatasetAccess;
import org.junit.jupiter.api.Test;

import static dev.apiorm.conformance.RawAnswer.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page DTO controller at {@code /dto/books} speaks spring-petclinic-rest's v2
 * convention, read over plain HTTP: the records in {@code content} beside a numeric
 * {@code page}, {@code size}, {@code totalElements} and {@code totalPages}; 20 records a
 * page unless {@code size} says otherwise; Spring's {@code sort=field,desc}.
 */
class PageDtoServerIT {

	private static final List<Long> ALL = DatasetAccess.ids((book) -> true);

	private final SpringBooksServer.Running server = SpringBooksServer.get();

	@Test
	void aListingIsItsFirstPageOfTwentyBesideAPlainPageNumberAndTheTotals() {
		RawAnswer answer = list("");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.propertyNames()).containsExactlyInAnyOrder("content", "page", "size", "totalElements",
				"totalPages");
		assertThat(answer.body().get("page").isIntegralNumber()).as("page is a number").isTrue();
		assertThat(answer.body().get("page").asInt()).isZero();
		assertThat(answer.body().get("size").asInt()).isEqualTo(20);
		assertThat(answer.body().get("totalElements").asLong()).isEqualTo(ALL.size());
		assertThat(answer.body().get("totalPages").asInt()).isEqualTo(2);
		assertThat(answer.ids("/content")).containsExactlyElementsOf(ALL.subList(0, 20));
		assertThat(answer.body().at("/content/0").propertyNames()).containsExactlyInAnyOrder("id", "title", "pages",
				"published", "genre", "available");
	}

	@Test
	void pagesAreNumberedFromZeroAndSizedAsAskedWithoutACap() {
		RawAnswer second = list(query("page", "1"));
		assertThat(second.body().get("page").asInt()).isEqualTo(1);
		assertThat(second.ids("/content")).containsExactlyElementsOf(ALL.subList(20, 25));
		RawAnswer third = list(query("page", "2", "size", "4"));
		assertThat(third.ids("/content")).containsExactlyElementsOf(ALL.subList(8, 12));
		assertThat(third.body().get("totalPages").asInt()).isEqualTo(7);
		RawAnswer large = list(query("size", "1000"));
		assertThat(large.body().get("size").asInt()).isEqualTo(1000);
		assertThat(large.ids("/content")).containsExactlyElementsOf(ALL);
		assertThat(list(query("page", "9")).ids("/content")).isEmpty();
	}

	@Test
	void sortingIsSpringsFieldCommaDirectionRepeatedPerField() {
		assertThat(list(query("sort", "pages,desc", "size", "3")).ids("/content")).containsExactlyElementsOf(
				DatasetAccess.ids((book) -> true, Comparator.comparing(Book::getPages).reversed()).subList(0, 3));
		assertThat(list(query("sort", "genre", "sort", "pages,desc", "size", "30")).ids("/content"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> true,
					Comparator.comparing(Book::getGenre).thenComparing(Book::getPages, Comparator.reverseOrder())));
		assertThat(list(query("sort", "nothing,desc")).status()).isEqualTo(400);
	}

	@Test
	void boundsComparePagesAsNumbersAndOtherParametersAreIgnored() {
		RawAnswer answer = list(query("pages_lte", "99"));
		assertThat(answer.ids("/content")).containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getPages() <= 99))
			.isNotEmpty();
		assertThat(answer.body().get("totalElements").asLong()).isEqualTo(answer.ids("/content").size());
		assertThat(list(query("pages_gte", "500", "genre", "essay")).ids("/content")).containsExactlyElementsOf(
				DatasetAccess.ids((book) -> book.getPages() >= 500 && book.getGenre().equals("essay")));
		assertThat(list(query("pages__gte", "500", "size", "30")).ids("/content")).containsExactlyElementsOf(ALL);
	}

	private RawAnswer list(String query) {
		return RawAnswer.get(this.server.baseUrl() + "/dto/books" + query);
	}

}
