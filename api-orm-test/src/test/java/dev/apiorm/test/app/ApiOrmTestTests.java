package dev.apiorm.test.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A user's service tested with {@link ApiOrmTest}: only api-orm, the models and
 * repositories, and the imported service start; the fake API is seeded from JSON before
 * each test, answers as DRF would, and shows what was sent.
 */
@ApiOrmTest(seed = "classpath:books.json", properties = "api-orm.drf.negation-suffix=n")
@Import(BookShelf.class)
class ApiOrmTestTests {

	@Autowired
	BookShelf shelf;

	@Autowired
	BookApi books;

	@Autowired
	FakeApi api;

	@Autowired
	ApplicationContext context;

	@Test
	void derivedQueriesFiltersAndOrderingAreAnsweredFromTheSeed() {
		assertThat(this.shelf.newestOf("poetry")).containsExactly("Leaves of Grass", "The Raven");
		assertThat(this.shelf.allButPoetry()).containsExactly("Moby-Dick", "Walden");
		assertThat(this.books.countByYearGreaterThanEqual(1851)).isEqualTo(3);
		assertThat(this.books.all().orderBy("year").slice(1, 3).list()).extracting(Book::title)
			.containsExactly("Moby-Dick", "Walden");
		assertThat(this.api.requests()).containsExactly("GET /api/v1/books/?genre=poetry&ordering=-year&limit=100",
				"GET /api/v1/books/?genre__n=poetry&ordering=title&limit=100",
				"GET /api/v1/books/?year__gte=1851&limit=100", "GET /api/v1/books/?ordering=year&limit=2&offset=1");
	}

	@Test
	void writesReachTheFakeAndItsRecordsCanBeInspected() {
		Book shelved = this.shelf.shelve("Walden Two", "novel", 1948, "555");
		assertThat(shelved.id()).isEqualTo(5L);
		assertThat(this.api.records(Book.class)).extracting(Book::title).endsWith("Walden Two");
		assertThat(this.api.requests()).containsExactly(
				"POST /api/v1/books/ {\"title\":\"Walden Two\",\"genre\":\"novel\",\"year\":1948,\"isbn\":\"555\"}");
		this.books.delete(shelved);
		assertThat(this.api.records(Book.class)).hasSize(4);
	}

	@Test
	void everyTestStartsFromTheSeedAgain() {
		this.books.deleteById(1);
		this.books.deleteById(2);
		assertThat(this.books.count()).isEqualTo(2);
	}

	@Test
	void everyTestStartsFromTheSeedAgainToo() {
		assertThat(this.books.count()).isEqualTo(4);
		assertThat(this.api.requests()).containsExactly("GET /api/v1/books/?limit=1");
	}

	@Test
	void theHeadersOfEachRequestCanBeInspected() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		http.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/api/v1/books/1/"))
			.header("X-Tenant", "acme")
			.build(), HttpResponse.BodyHandlers.discarding());
		this.books.count();
		assertThat(this.api.requests()).containsExactly("GET /api/v1/books/1/", "GET /api/v1/books/?limit=1");
		assertThat(this.api.requestHeaders("x-tenant")).containsExactly("acme", null);
		assertThat(this.api.requestHeaders("Accept")).last().isEqualTo("application/json");
	}

	@Test
	void uniqueFieldsFailAsDrfFieldErrors() {
		this.api.unique(Book.class, "isbn");
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.shelf.shelve("Copy", "novel", 2000, "333"))
			.satisfies((ex) -> assertThat(ex.fieldErrors())
				.isEqualTo(Map.of("isbn", List.of("book with this isbn already exists."))));
	}

	@Test
	void aFilterOnAFieldTheModelLacksIsAnsweredWith400NamingIt() {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.books.filter("author", "Poe").list())
			.withMessageContaining("Unknown filter parameter 'author'");
	}

	@Test
	void whatTheDialectCannotExpressIsStillRefusedBeforeAnythingIsSent() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.books.exclude("year__gte", 1850).list());
		assertThat(this.api.requests()).isEmpty();
	}

	@Test
	void recordsCarryEtagsAndAStaleIfMatchIsRefused() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI walden = URI.create(this.api.baseUrl() + "/api/v1/books/4/");
		HttpResponse<String> read = http.send(HttpRequest.newBuilder(walden).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
		HttpRequest.BodyPublisher year = HttpRequest.BodyPublishers.ofString("{\"year\":1855}");
		HttpResponse<String> changed = http.send(HttpRequest.newBuilder(walden)
			.method("PATCH", year)
			.header("Content-Type", "application/json")
			.header("If-Match", "\"1\"")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
		HttpResponse<String> stale = http.send(HttpRequest.newBuilder(walden)
			.method("PATCH", year)
			.header("Content-Type", "application/json")
			.header("If-Match", "\"1\"")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stale.statusCode()).isEqualTo(412);
	}

	@Test
	void onlyApiOrmTheModelsAndTheImportedServiceStart() {
		assertThat(this.context.getBeanNamesForType(Librarian.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(BookShelf.class)).hasSize(1);
		assertThat(this.context.getEnvironment().getProperty("api-orm.base-url")).isEqualTo(this.api.baseUrl());
	}

}
