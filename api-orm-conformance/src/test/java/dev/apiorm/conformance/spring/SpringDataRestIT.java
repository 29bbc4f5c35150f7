package dev.apiorm.conformance.spring;

import java.util.Set;

import dev.apiorm.ApiOrm;
import dev.apiorm.conformance.dialects.AbstractDialectConformanceIT;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.dialect.spring.SpringDataRestDialect;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.exception.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code spring-data-rest} dialect against a real Spring Data REST application (JPA,
 * H2) that exports its repository with the defaults: ids only in links, no filters.
 */
class SpringDataRestIT extends AbstractDialectConformanceIT {

	private final SpringBooksServer.Running server = SpringBooksServer.get();

	@Override
	protected ApiOrm connect() {
		return ApiOrm.builder()
			.baseUrl(this.server.baseUrl() + "/rest")
			.dialect(SpringDataRestDialect.NAME)
			.pageSize(4)
			.build();
	}

	@Override
	protected String dialect() {
		return SpringDataRestDialect.NAME;
	}

	@Override
	protected Set<String> refused() {
		// A collection resource binds no filter.
		return Set.of("exact", "exact-number", "boolean", "iexact", "icontains", "istartswith", "iendswith", "contains",
				"gte", "gt", "lte", "lt", "range", "in", "date-gte", "exclude", "exclude-gte", "and", "or");
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/rest/books/" + id);
	}

	@Test
	void aLookupByFieldIsRefusedBeforeAnythingIsSent() {
		assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> books().get("title", "Dune"))
			.withMessageContaining("spring-data-rest.lookups");
	}

	@Test
	void aFetchedRecordIsSavedInPlaceNotCreatedAgain() {
		long before = books().count();
		Book book = books().orderBy("id").at(4);
		assertThat(book.getId()).isEqualTo(5L);
		String title = book.getTitle();
		book.setTitle(title + " (2nd ed.)");
		books().save(book);
		try {
			assertThat(books().count()).isEqualTo(before);
			assertThat(serverRecord(5).get("title").asString()).isEqualTo(title + " (2nd ed.)");
		}
		finally {
			book.setTitle(title);
			books().save(book);
		}
		assertThat(serverRecord(5).get("title").asString()).isEqualTo(title);
	}

	@Test
	void validationErrorsNameTheirFields() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> books().create(new Book(" ", 1, null, "novel", true)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).as(ex.getMessage()).containsKey("title"));
	}

	@Test
	void theServerCapsPagesAtThreeAndTheClientAdoptsTheCap() {
		// Asked for 4, the server serves 3 ("max-page-size").
		assertThat(this.server.record("/rest/books?page=0&size=4").at("/page/size").asInt()).isEqualTo(3);
		assertThat(books().orderBy("id").slice(5, 13).list()).extracting(Book::getId)
			.containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
	}

}
