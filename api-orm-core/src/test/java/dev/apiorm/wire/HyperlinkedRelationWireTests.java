package dev.apiorm.wire;

import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.fixtures.Author;
import dev.apiorm.fixtures.LinkedBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apiorm.wire.RelationWireTests.author;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Relations the API writes as links (DRF's {@code HyperlinkedRelatedField}): read as the
 * ids the links name, fetched in batches by those ids, written as the records' paths.
 */
class HyperlinkedRelationWireTests extends WireTestSupport {

	private ApiRepository<LinkedBook> books;

	private ReactiveApiRepository<LinkedBook> reactiveBooks;

	@BeforeEach
	void repositories() {
		this.books = this.orm.repository(LinkedBook.class);
		this.reactiveBooks = this.orm.reactiveRepository(LinkedBook.class);
	}

	@Test
	void linksAreReadAsTheIdsTheyNameAndPrefetchedByThoseIds() {
		stub(get(urlEqualTo("/api/v1/linked-books/?limit=2")).willReturn(okJson(page(1L, null, book(1,
				"\"https://api.example.com/api/v1/authors/7/\"", "[\"https://api.example.com/api/v1/authors/8/\"]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7&limit=2"))
			.willReturn(okJson(page(1L, null, author(7, "Ann", "PT")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=8&limit=2"))
			.willReturn(okJson(page(1L, null, author(8, "Bob", "BR")))));
		LinkedBook book = this.reactiveBooks.all().prefetchRelated("author", "editors").list().block().get(0);
		assertThat(book.getAuthor().getName()).isEqualTo("Ann");
		assertThat(book.getEditors()).extracting(Author::getName).containsExactly("Bob");
		assertThat(sent()).containsExactly("GET /api/v1/linked-books/?limit=2", "GET /api/v1/authors/?id__in=7&limit=2",
				"GET /api/v1/authors/?id__in=8&limit=2");
	}

	@Test
	void aNewRecordsRelationsAreWrittenAsTheRelatedRecordsPaths() {
		stub(post(urlEqualTo("/api/v1/linked-books/"))
			.willReturn(okJson(book(5, "\"http://testserver/api/v1/authors/7/\"", "[]"))));
		LinkedBook book = new LinkedBook();
		book.setTitle("T");
		book.setAuthor(new Author(7L, "Ann", "PT"));
		book.setEditors(List.of(new Author(8L, "Bob", "BR")));
		LinkedBook created = this.books.create(book);
		assertThat(created.getAuthor().getId()).isEqualTo(7L);
		assertThat(sent()).containsExactly(
				"POST /api/v1/linked-books/ {\"author\":\"/api/v1/authors/7/\",\"editors\":[\"/api/v1/authors/8/\"],\"title\":\"T\"}");
	}

	@Test
	void aChangedRelationIsAPatchOfItsLink() {
		stub(get(urlEqualTo("/api/v1/linked-books/1/"))
			.willReturn(okJson(book(1, "\"http://testserver/api/v1/authors/7/\"", "[]"))));
		stub(patch(urlEqualTo("/api/v1/linked-books/1/"))
			.withRequestBody(equalToJson("{\"author\":\"/api/v1/authors/8/\"}"))
			.willReturn(okJson(book(1, "\"http://testserver/api/v1/authors/8/\"", "[]"))));
		LinkedBook book = this.books.get(1);
		book.setAuthor(new Author(8L, "Bob", "BR"));
		this.books.save(book);
		assertThat(sent()).containsExactly("GET /api/v1/linked-books/1/",
				"PATCH /api/v1/linked-books/1/ {\"author\":\"/api/v1/authors/8/\"}");
		assertThat(book.getAuthor().getId()).isEqualTo(8L);
	}

	@Test
	void aLinkOutsideTheRelatedEndpointIsRefusedWithoutItsHostOrCredentials() {
		stub(get(urlEqualTo("/api/v1/linked-books/1/"))
			.willReturn(okJson(book(1, "\"https://user:secret@api.example.com/api/v1/publishers/7/\"", "[]"))));
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.books.get(1))
			.withMessageContaining("the link /api/v1/publishers/7/ is no record of Author (/api/v1/authors/)")
			.withMessageNotContaining("secret")
			.withMessageNotContaining("api.example.com");
		assertThat(sent()).containsExactly("GET /api/v1/linked-books/1/");
	}

	private static String book(long id, String author, String editors) {
		return "{\"id\":" + id + ",\"title\":\"T\",\"author\":" + author + ",\"editors\":" + editors + "}";
	}

}
