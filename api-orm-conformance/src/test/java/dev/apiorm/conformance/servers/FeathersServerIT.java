package dev.apiorm.conformance.servers;

import java.util.Comparator;
import java.util.List;

import dev.apiorm.conformance.NodeServer;
import dev.apiorm.conformance.RawAnswer;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.conformance.dialects.DatasetAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.apiorm.conformance.RawAnswer.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Feathers 5 server of {@code conformance/feathers} speaks Feathers' convention, read
 * over plain HTTP: {@code {total, limit, skip, data}} at {@code /books} and a plain array
 * at {@code /plain-books}, {@code $limit}/{@code $skip}, {@code $sort[field]=-1|1},
 * {@code field[$op]=value} compared as the field's type, and an unknown parameter read as
 * an equality filter that matches nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeathersServerIT {

	private static final List<Long> ALL = DatasetAccess.ids((book) -> true);

	private final NodeServer server = NodeServer.start("feathers", "@feathersjs/feathers");

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void aPaginatedListingIsTotalLimitSkipAndTheFirstTenRecords() {
		RawAnswer answer = books("");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.propertyNames()).containsExactlyInAnyOrder("total", "limit", "skip", "data");
		assertThat(answer.body().get("total").asInt()).isEqualTo(ALL.size());
		assertThat(answer.body().get("limit").asInt()).isEqualTo(10);
		assertThat(answer.body().get("skip").asInt()).isZero();
		assertThat(answer.ids("/data")).containsExactlyElementsOf(ALL.subList(0, 10));
	}

	@Test
	void limitAndSkipPageWithinTheServersMaximumOfFifty() {
		RawAnswer page = books(query("$limit", "4", "$skip", "8", "$sort[id]", "1"));
		assertThat(page.ids("/data")).containsExactlyElementsOf(ALL.subList(8, 12));
		assertThat(page.body().get("limit").asInt()).isEqualTo(4);
		assertThat(page.body().get("skip").asInt()).isEqualTo(8);
		assertThat(page.body().get("total").asInt()).isEqualTo(ALL.size());
		RawAnswer large = books(query("$limit", "500"));
		assertThat(large.body().get("limit").asInt()).isEqualTo(50);
		assertThat(large.ids("/data")).containsExactlyElementsOf(ALL);
		assertThat(books(query("$skip", "24")).ids("/data")).containsExactly(ALL.get(24));
	}

	@Test
	void eachSortedFieldIsAPropertyOfSortWithOneOrMinusOne() {
		assertThat(books(query("$sort[pages]", "-1", "$limit", "3")).ids("/data")).containsExactlyElementsOf(
				DatasetAccess.ids((book) -> true, Comparator.comparing(Book::getPages).reversed()).subList(0, 3));
		assertThat(books(query("$sort[genre]", "1", "$sort[pages]", "-1", "$limit", "50")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> true,
					Comparator.comparing(Book::getGenre).thenComparing(Book::getPages, Comparator.reverseOrder())));
	}

	@Test
	void queryValuesAreTypedSoThatPagesCompareAsNumbers() {
		// As strings, "98" < "100" is false and "191" would not equal 191: both would be
		// empty.
		assertThat(books(query("pages[$lt]", "100")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getPages() < 100))
			.isNotEmpty();
		assertThat(books(query("pages", "191")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getPages() == 191));
		assertThat(books(query("available", "false", "$limit", "50")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> !book.getAvailable()));
		assertThat(books(query("published[$gte]", "1990-01-01")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getPublished().getYear() >= 1990));
	}

	@Test
	void inNeAndRegexAreOperatorsOfTheField() {
		assertThat(books(query("genre[$in][]", "novel", "genre[$in][]", "drama", "$limit", "50")).ids("/data"))
			.containsExactlyElementsOf(
					DatasetAccess.ids((book) -> List.of("novel", "drama").contains(book.getGenre())));
		assertThat(books(query("genre[$ne]", "novel", "$limit", "50")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> !book.getGenre().equals("novel")));
		assertThat(books(query("title[$regex]", "^the ", "title[$options]", "i")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getTitle().toLowerCase().startsWith("the ")));
		assertThat(books(query("title[$like]", "%the%")).status()).isEqualTo(400);
		assertThat(books(query("$where", "1")).status()).isEqualTo(400);
	}

	@ParameterizedTest
	@CsvSource({ "age__gte, 5", "ordering, -pages", "sort, pages", "pages__lt, 100" })
	void anUnknownParameterIsAnEqualityFilterThatMatchesNoRecord(String name, String value) {
		RawAnswer paginated = books(query(name, value));
		assertThat(paginated.status()).isEqualTo(200);
		assertThat(paginated.body().get("total").asInt()).isZero();
		assertThat(paginated.ids("/data")).isEmpty();
		RawAnswer plain = plainBooks(query(name, value));
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.ids("")).isEmpty();
	}

	@Test
	void thePlainServiceAnswersAnArrayOfEveryMatchWithTheSameSyntax() {
		RawAnswer all = plainBooks("");
		assertThat(all.body().isArray()).isTrue();
		assertThat(all.ids("")).containsExactlyElementsOf(ALL);
		assertThat(plainBooks(query("$sort[pages]", "-1", "$skip", "1", "$limit", "2")).ids(""))
			.containsExactlyElementsOf(
					DatasetAccess.ids((book) -> true, Comparator.comparing(Book::getPages).reversed()).subList(1, 3));
		assertThat(plainBooks(query("pages[$gte]", "300", "genre", "essay")).ids("")).containsExactlyElementsOf(
				DatasetAccess.ids((book) -> book.getPages() >= 300 && book.getGenre().equals("essay")));
	}

	@Test
	void writesAreRestOnTheRecordsPathAndEachServiceHasItsOwnRecords() {
		String url = this.server.baseUrl() + "/books";
		RawAnswer created = RawAnswer.send("POST", url, "{\"title\":\"Written\",\"pages\":12,\"genre\":\"essay\"}");
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		assertThat(id).isGreaterThan(ALL.get(ALL.size() - 1));
		RawAnswer patched = RawAnswer.send("PATCH", url + "/" + id, "{\"pages\":13}");
		assertThat(patched.body().get("pages").asInt()).isEqualTo(13);
		assertThat(patched.body().get("title").asString()).isEqualTo("Written");
		assertThat(RawAnswer.get(this.server.baseUrl() + "/plain-books/" + id).status()).isEqualTo(404);
		assertThat(RawAnswer.send("DELETE", url + "/" + id, "").status()).isEqualTo(200);
		assertThat(RawAnswer.get(url + "/" + id).status()).isEqualTo(404);
	}

	private RawAnswer books(String query) {
		return RawAnswer.get(this.server.baseUrl() + "/books" + query);
	}

	private RawAnswer plainBooks(String query) {
		return RawAnswer.get(this.server.baseUrl() + "/plain-books" + query);
	}

}
