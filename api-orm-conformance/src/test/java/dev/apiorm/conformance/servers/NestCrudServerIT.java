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

import static dev.apiorm.conformance.RawAnswer.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NestJS CRUD server of {@code conformance/nestjs-crud} ({@code @nestjsx/crud} on
 * TypeORM and sql.js) speaks its convention, read over plain HTTP: {@code {data, count,
 * total, page, pageCount}}, {@code limit} with {@code offset} or {@code page},
 * {@code sort=field,DESC}, {@code filter=field||$op||value} with typed values, and
 * {@code or=}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestCrudServerIT {

	private static final List<Long> ALL = DatasetAccess.ids((book) -> true);

	private final NodeServer server = NodeServer.start("nestjs-crud", "@nestjsx/crud");

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void aListingIsDataCountTotalPageAndPageCountOfTenRecords() {
		RawAnswer answer = books(query("sort", "id,ASC"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.propertyNames()).containsExactlyInAnyOrder("data", "count", "total", "page", "pageCount");
		assertThat(answer.ids("/data")).containsExactlyElementsOf(ALL.subList(0, 10));
		assertThat(answer.body().get("count").asInt()).isEqualTo(10);
		assertThat(answer.body().get("total").asInt()).isEqualTo(ALL.size());
		assertThat(answer.body().get("page").asInt()).isEqualTo(1);
		assertThat(answer.body().get("pageCount").asInt()).isEqualTo(3);
	}

	@Test
	void aPageIsALimitWithAnOffsetOrAPageNumberedFromOne() {
		RawAnswer byOffset = books(query("limit", "4", "offset", "8", "sort", "id,ASC"));
		assertThat(byOffset.ids("/data")).containsExactlyElementsOf(ALL.subList(8, 12));
		assertThat(byOffset.body().get("page").asInt()).isEqualTo(3);
		assertThat(byOffset.body().get("pageCount").asInt()).isEqualTo(7);
		RawAnswer byPage = books(query("limit", "4", "page", "3", "sort", "id,ASC"));
		assertThat(byPage.ids("/data")).containsExactlyElementsOf(ALL.subList(8, 12));
		assertThat(byPage.body().get("count").asInt()).isEqualTo(4);
		RawAnswer last = books(query("limit", "4", "page", "7", "sort", "id,ASC"));
		assertThat(last.ids("/data")).containsExactly(ALL.get(24));
		assertThat(last.body().get("count").asInt()).isEqualTo(1);
		assertThat(last.body().get("total").asInt()).isEqualTo(ALL.size());
	}

	@Test
	void sortIsFieldCommaDirectionRepeatedPerField() {
		assertThat(books(query("sort", "pages,DESC", "limit", "3")).ids("/data")).containsExactlyElementsOf(
				DatasetAccess.ids((book) -> true, Comparator.comparing(Book::getPages).reversed()).subList(0, 3));
		assertThat(books(query("sort", "genre,ASC", "sort", "pages,DESC", "limit", "50")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> true,
					Comparator.comparing(Book::getGenre).thenComparing(Book::getPages, Comparator.reverseOrder())));
	}

	@Test
	void filtersAreFieldOperatorValueWithTypedValues() {
		assertThat(books(query("filter", "pages||$lt||100")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getPages() < 100))
			.isNotEmpty();
		assertThat(books(query("filter", "available||$eq||false", "limit", "50", "sort", "id,ASC")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> !book.getAvailable()));
		assertThat(books(query("filter", "genre||$in||novel,drama", "limit", "50", "sort", "id,ASC")).ids("/data"))
			.containsExactlyElementsOf(
					DatasetAccess.ids((book) -> List.of("novel", "drama").contains(book.getGenre())));
		assertThat(books(query("filter", "pages||$gte||300", "filter", "genre||$eq||essay", "sort", "id,ASC"))
			.ids("/data")).containsExactlyElementsOf(
					DatasetAccess.ids((book) -> book.getPages() >= 300 && book.getGenre().equals("essay")));
		assertThat(books(query("filter", "genre||$eq||novel", "or", "pages||$lt||150", "limit", "50", "sort", "id,ASC"))
			.ids("/data")).containsExactlyElementsOf(
					DatasetAccess.ids((book) -> book.getGenre().equals("novel") || book.getPages() < 150));
	}

	@Test
	void containsIgnoresCaseOnSqlite() {
		// SQLite's LIKE ignores ASCII case, so $cont is as $contL.
		assertThat(books(query("filter", "title||$cont||the", "sort", "id,ASC")).ids("/data"))
			.containsExactlyElementsOf(DatasetAccess.ids((book) -> book.getTitle().toLowerCase().contains("the")));
	}

	@Test
	void anUnknownParameterIsIgnoredAndAnUnknownFieldOrADateValueIsAServerError() {
		for (String name : List.of("ordering", "age__gte", "$sort[pages]")) {
			RawAnswer ignored = books(query(name, "-1", "limit", "50", "sort", "id,ASC"));
			assertThat(ignored.ids("/data")).as(name).containsExactlyElementsOf(ALL);
		}
		assertThat(books(query("filter", "age||$gte||5")).status()).isEqualTo(500);
		// The parser turns a date-like value into a Date, which sql.js cannot bind.
		assertThat(books(query("filter", "published||$gte||1990-01-01")).status()).isEqualTo(500);
		assertThat(books(query("filter", "genre||$like||novel")).status()).isEqualTo(400);
	}

	@Test
	void writesAreRestOnTheRecordsPath() {
		String url = this.server.baseUrl() + "/books";
		RawAnswer created = RawAnswer.send("POST", url,
				"{\"title\":\"Written\",\"pages\":12,\"published\":\"2001-02-03\",\"genre\":\"essay\",\"available\":true}");
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		assertThat(id).isGreaterThan(ALL.get(ALL.size() - 1));
		RawAnswer patched = RawAnswer.send("PATCH", url + "/" + id, "{\"pages\":13}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().get("pages").asInt()).isEqualTo(13);
		assertThat(patched.body().get("published").asString()).isEqualTo("2001-02-03");
		assertThat(RawAnswer.send("POST", url, "{\"pages\":\"many\"}").status()).isEqualTo(400);
		assertThat(RawAnswer.send("DELETE", url + "/" + id, "").status()).isEqualTo(200);
		assertThat(RawAnswer.get(url + "/" + id).status()).isEqualTo(404);
	}

	private RawAnswer books(String query) {
		return RawAnswer.get(this.server.baseUrl() + "/books" + query);
	}

}
