package dev.apiorm.wire;

import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.fixtures.Book;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apiorm.wire.RelationWireTests.author;
import static dev.apiorm.wire.RelationWireTests.book;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Results of lookups and orderings across a relation are verified on the related records
 * the records carry: those the relation stage put in place, those the API nested, never a
 * related record known only by its id.
 */
class RelatedResultsVerificationWireTests extends WireTestSupport {

	private ApiRepository<Book> books;

	private ReactiveApiRepository<Book> reactiveBooks;

	@BeforeEach
	void repositories() {
		this.books = this.orm.repository(Book.class);
		this.reactiveBooks = this.orm.reactiveRepository(Book.class);
	}

	@Test
	void aLookupAcrossASelectedRelationThatTheApiIgnoredIsRefusedNamingIt() {
		stub(get(urlEqualTo("/api/v1/books/?author__country=PT&limit=2"))
			.willReturn(okJson(page(2L, null, book(1, "7", "[]"), book(2, "8", "[]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7,8&limit=2"))
			.willReturn(okJson(page(2L, null, author(7, "Ann", "PT"), author(8, "Bob", "BR")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.books.filter("author__country", "PT").selectRelated("author").list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("author__country"))
			.withMessageContaining("returned the record id=2");
		assertThat(sent()).containsExactly("GET /api/v1/books/?author__country=PT&limit=2",
				"GET /api/v1/authors/?id__in=7,8&limit=2");
	}

	@Test
	void aLookupAcrossASelectedRelationThatTheApiHonouredIsBelieved() {
		stub(get(urlEqualTo("/api/v1/books/?author__country=PT&limit=2"))
			.willReturn(okJson(page(2L, null, book(1, "7", "[]"), book(2, "9", "[]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7,9&limit=2"))
			.willReturn(okJson(page(2L, null, author(7, "Ann", "PT"), author(9, "Cid", "PT")))));
		List<Book> found = this.books.filter("author__country", "PT").selectRelated("author").list();
		assertThat(found).extracting(Book::getId).containsExactly(1L, 2L);
	}

	@Test
	void anOrderingAcrossAPrefetchedRelationThatTheApiIgnoredIsRefusedOnTheReactiveFace() {
		stub(get(urlEqualTo("/api/v1/books/?ordering=-author__name&limit=2"))
			.willReturn(okJson(page(2L, null, book(1, "7", "[]"), book(2, "8", "[]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7,8&limit=2"))
			.willReturn(okJson(page(2L, null, author(7, "Ann", "PT"), author(8, "Bob", "BR")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.reactiveBooks.orderBy("-author__name").prefetchRelated("author").list().block())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("ordering"))
			.withMessageContaining("the record id=2 came after the record id=1");
	}

	@Test
	void aNestedRelatedRecordIsCheckedWithoutSelectingTheRelation() {
		stub(get(urlEqualTo("/api/v1/books/?author__country=PT&limit=2"))
			.willReturn(okJson(page(1L, null, book(4, author(8, "Bob", "BR"), "[]")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.books.filter("author__country", "PT").list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("author__country"));
		assertThat(sent()).containsExactly("GET /api/v1/books/?author__country=PT&limit=2");
	}

	@Test
	void aRelatedRecordKnownOnlyByItsIdIsNeitherBelievedNorContradicted() {
		stub(get(urlEqualTo("/api/v1/books/?author__country=PT&limit=2"))
			.willReturn(okJson(page(1L, null, book(4, "8", "[]")))));
		List<Book> found = this.books.filter("author__country", "PT").list();
		assertThat(found).extracting(Book::getId).containsExactly(4L);
		assertThat(found.get(0).getAuthor().getCountry()).isNull();
		assertThat(sent()).containsExactly("GET /api/v1/books/?author__country=PT&limit=2");
	}

	@Test
	void aRecordWithoutTheRelatedRecordContradictsALookupAcrossIt() {
		stub(get(urlEqualTo("/api/v1/books/?author__country=PT&limit=2"))
			.willReturn(okJson(page(1L, null, book(5, "null", "[]")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.books.filter("author__country", "PT").list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("author__country"));
	}

}
