package dev.apiorm.wire;

import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.PrefetchRelated;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.fixtures.Author;
import dev.apiorm.fixtures.Book;
import dev.apiorm.fixtures.Review;
import org.junit.jupiter.api.BeforeEach;
import dev.apiorm.repository.support.ApiRepositoryFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.repository.query.QueryCreationException;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Relations on the wire: related records fetched per page with one {@code id__in} request
 * per relation, and one instance's related record fetched when asked, once.
 */
class RelationWireTests extends WireTestSupport {

	private ApiRepository<Book> books;

	private ReactiveApiRepository<Book> reactiveBooks;

	@BeforeEach
	void repositories() {
		this.books = this.orm.repository(Book.class);
		this.reactiveBooks = this.orm.reactiveRepository(Book.class);
	}

	@Test
	void selectRelatedFetchesEachPagesAuthorsWithOneRequest() {
		stubBooks();
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7,8&limit=2"))
			.willReturn(okJson(page(2L, null, author(7, "Ann", "PT"), author(8, "Bob", "BR")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7&limit=2"))
			.willReturn(okJson(page(1L, null, author(7, "Ann", "PT")))));
		List<Book> found = this.books.all().selectRelated("author").list();
		assertThat(found).extracting((book) -> book.getAuthor().getName()).containsExactly("Ann", "Bob", "Ann");
		assertThat(sent()).containsExactly("GET /api/v1/books/?limit=2", "GET /api/v1/authors/?id__in=7,8&limit=2",
				"GET /api/v1/books/?limit=2&offset=2", "GET /api/v1/authors/?id__in=7&limit=2");
	}

	@Test
	void prefetchRelatedWorksOnTheReactiveFaceAndSkipsNestedRecords() {
		stub(get(urlEqualTo("/api/v1/books/?title=T&limit=2")).willReturn(okJson(page(2L, null, book(1, "7", "[8,9]"),
				book(2, "{\"id\":8,\"name\":\"Bob\",\"country\":\"BR\"}", "[]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7&limit=2"))
			.willReturn(okJson(page(1L, null, author(7, "Ann", "PT")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=8,9&limit=2"))
			.willReturn(okJson(page(2L, null, author(8, "Bob", "BR"), author(9, "Cid", "PT")))));
		List<Book> found = this.reactiveBooks.filter("title", "T").prefetchRelated("author", "editors").list().block();
		assertThat(found.get(0).getAuthor().getName()).isEqualTo("Ann");
		assertThat(found.get(0).getEditors()).extracting(Author::getName).containsExactly("Bob", "Cid");
		assertThat(found.get(1).getAuthor().getName()).isEqualTo("Bob");
		assertThat(sent()).containsExactly("GET /api/v1/books/?title=T&limit=2",
				"GET /api/v1/authors/?id__in=7&limit=2", "GET /api/v1/authors/?id__in=8,9&limit=2");
	}

	@Test
	void recordsAreHandedOutAsCopiesWithTheirRelatedRecordsAndStayTracked() {
		stub(get(urlEqualTo("/api/v1/reviews/?limit=2"))
			.willReturn(okJson(page(1L, null, "{\"id\":3,\"text\":\"good\",\"book\":1}"))));
		stub(get(urlEqualTo("/api/v1/books/?id__in=1&limit=2")).willReturn(okJson(page(1L, null, book(1, "7", "[]")))));
		Review review = this.orm.repository(Review.class).all().selectRelated("book").list().get(0);
		assertThat(review.book().getTitle()).isEqualTo("T");
		assertThat(review.text()).isEqualTo("good");
		assertThat(this.orm.repository(Review.class).save(review)).isSameAs(review);
		assertThat(sent()).containsExactly("GET /api/v1/reviews/?limit=2", "GET /api/v1/books/?id__in=1&limit=2");
	}

	@Test
	void aPrefetchedInstanceSavedUnchangedSendsNothing() {
		stub(get(urlEqualTo("/api/v1/books/?limit=2")).willReturn(okJson(page(1L, null, book(1, "7", "[8]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7&limit=2"))
			.willReturn(okJson(page(1L, null, author(7, "Ann", "PT")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=8&limit=2"))
			.willReturn(okJson(page(1L, null, author(8, "Bob", "BR")))));
		Book book = this.books.all().prefetchRelated("author", "editors").list().get(0);
		assertThat(book.getEditors()).extracting(Author::getName).containsExactly("Bob");
		assertThat(this.books.save(book)).isSameAs(book);
		assertThat(sent()).containsExactly("GET /api/v1/books/?limit=2", "GET /api/v1/authors/?id__in=7&limit=2",
				"GET /api/v1/authors/?id__in=8&limit=2");
	}

	@Test
	void anIdTheBatchDidNotReturnIsAnError() {
		stub(get(urlEqualTo("/api/v1/books/?limit=2")).willReturn(okJson(page(1L, null, book(1, "7", "[]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7&limit=2")).willReturn(okJson(page(0L, null))));
		assertThatExceptionOfType(DoesNotExistException.class)
			.isThrownBy(() -> this.books.all().selectRelated("author").list())
			.withMessageContaining("Author 7 (referred to by Book.author) was not returned")
			.satisfies((ex) -> assertThat(ex.modelType()).isEqualTo(Author.class));
	}

	@Test
	void relatedFetchesOnceWhenAskedAndGettersSendNothing() {
		stub(get(urlEqualTo("/api/v1/books/1/")).willReturn(okJson(book(1, "7", "[8,9]"))));
		stub(get(urlEqualTo("/api/v1/authors/7/")).willReturn(okJson(author(7, "Ann", "PT"))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=8,9&limit=2"))
			.willReturn(okJson(page(2L, null, author(8, "Bob", "BR"), author(9, "Cid", "PT")))));
		Book book = this.books.get(1);
		assertThat(book.getAuthor().getId()).isEqualTo(7L);
		assertThat(book.getAuthor().getName()).isNull();
		assertThat(sent()).containsExactly("GET /api/v1/books/1/");
		Author author = this.books.related(book, Book::getAuthor);
		assertThat(author.getName()).isEqualTo("Ann");
		assertThat(this.books.related(book, Book::getAuthor)).isSameAs(author);
		assertThat(book.getAuthor()).isSameAs(author);
		assertThat(this.reactiveBooks.relatedAll(book, Book::getEditors).block()).extracting(Author::getName)
			.containsExactly("Bob", "Cid");
		assertThat(this.books.relatedAll(book, Book::getEditors)).extracting(Author::getName)
			.containsExactly("Bob", "Cid");
		assertThat(sent()).containsExactly("GET /api/v1/books/1/", "GET /api/v1/authors/7/",
				"GET /api/v1/authors/?id__in=8,9&limit=2");
	}

	@Test
	void aChangedRelationIsAPatchOfItsIdAndNothingCascades() {
		stub(get(urlEqualTo("/api/v1/books/1/")).willReturn(okJson(book(1, "7", "[]"))));
		stub(patch(urlEqualTo("/api/v1/books/1/")).willReturn(okJson(book(1, "8", "[]"))));
		Book book = this.books.get(1);
		Author other = new Author(8L, "Bob", "BR");
		book.setAuthor(other);
		this.books.save(book);
		assertThat(sent()).containsExactly("GET /api/v1/books/1/", "PATCH /api/v1/books/1/ {\"author\":8}");
		assertThat(book.getAuthor().getId()).isEqualTo(8L);
	}

	@Test
	void unknownRelationsAndToManyInSelectRelatedAreRefusedWhenTheQueryIsBuilt() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.books.all().prefetchRelated("title"))
			.withMessageContaining("Book has no relation 'title' (relations: [author, editors])");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.books.all().selectRelated("editors"))
			.withMessageContaining("use prefetchRelated(\"editors\")");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.books.related(titled("T"), Book::getTitle))
			.withMessageContaining("reads no relation of Book");
		assertThat(sent()).isEmpty();
	}

	@Test
	void aDerivedQueryPrefetchesWhatItsAnnotationNamesOnBothFaces() {
		stub(get(urlEqualTo("/api/v1/books/?title=T&limit=2")).willReturn(okJson(page(1L, null, book(1, "7", "[]")))));
		stub(get(urlEqualTo("/api/v1/authors/?id__in=7&limit=2"))
			.willReturn(okJson(page(1L, null, author(7, "Ann", "PT")))));
		ApiRepositoryFactory factory = new ApiRepositoryFactory(this.orm.templates());
		assertThat(factory.getRepository(BookQueries.class).findByTitle("T"))
			.extracting((book) -> book.getAuthor().getName())
			.containsExactly("Ann");
		assertThat(factory.getRepository(ReactiveBookQueries.class).findByTitle("T").collectList().block())
			.extracting((book) -> book.getAuthor().getName())
			.containsExactly("Ann");
		assertThat(sent()).containsExactly("GET /api/v1/books/?title=T&limit=2",
				"GET /api/v1/authors/?id__in=7&limit=2", "GET /api/v1/books/?title=T&limit=2",
				"GET /api/v1/authors/?id__in=7&limit=2");
	}

	@Test
	void aDerivedQueryPrefetchingNoRelationFailsNamingTheMethod() {
		ApiRepositoryFactory factory = new ApiRepositoryFactory(this.orm.templates());
		// Spring Data wraps the ConfigurationException of a query it cannot create.
		assertThatExceptionOfType(QueryCreationException.class)
			.isThrownBy(() -> factory.getRepository(WrongPrefetch.class))
			.withCauseInstanceOf(ConfigurationException.class)
			.withMessageContaining("WrongPrefetch.findByTitle: @PrefetchRelated")
			.withMessageContaining("Book has no relation 'publisher'");
	}

	interface BookQueries extends ApiRepository<Book> {

		@PrefetchRelated("author")
		List<Book> findByTitle(String title);

	}

	interface ReactiveBookQueries extends ReactiveApiRepository<Book> {

		@PrefetchRelated("author")
		Flux<Book> findByTitle(String title);

	}

	interface WrongPrefetch extends ApiRepository<Book> {

		@PrefetchRelated("publisher")
		List<Book> findByTitle(String title);

	}

	@Test
	void valuesOfAToOneAreTheRelatedIdWhetherTheApiSentTheIdOrNestedTheRecord() {
		stub(get(urlEqualTo("/api/v1/books/?title=T&limit=2")).willReturn(okJson(page(2L, null, book(1, "7", "[8,9]"),
				book(2, "{\"id\":8,\"name\":\"Bob\",\"country\":\"BR\"}", "[]")))));
		List<List<Object>> rows = this.books.filter("title", "T").valuesList("id", "author");
		assertThat(rows).containsExactly(List.of(1L, 7L), List.of(2L, 8L));
		assertThat(sent()).containsExactly("GET /api/v1/books/?title=T&limit=2");
	}

	private static Book titled(String title) {
		Book book = new Book();
		book.setTitle(title);
		return book;
	}

	private static void stubBooks() {
		stub(get(urlEqualTo("/api/v1/books/?limit=2")).willReturn(okJson(
				page(3L, wire.baseUrl() + "/api/v1/books/?limit=2&offset=2", book(1, "7", "[]"), book(2, "8", "[]")))));
		stub(get(urlEqualTo("/api/v1/books/?limit=2&offset=2")).willReturn(okJson(page(3L, null, book(3, "7", "[]")))));
	}

	static String book(long id, String author, String editors) {
		return "{\"id\":" + id + ",\"title\":\"T\",\"author\":" + author + ",\"editors\":" + editors + "}";
	}

	static String author(long id, String name, String country) {
		return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"country\":\"" + country + "\"}";
	}

}
