package dev.apiorm.dialect.spring;

import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.AbstractDialectTests;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Data REST dialect, of an application that binds no filter (the default).
 */
class SpringDataRestDialectTests extends AbstractDialectTests {

	private final SpringDataRestDialect dialect = new SpringDataRestDialect(this.mapper);

	@Override
	protected Dialect dialect() {
		return this.dialect;
	}

	@Override
	protected Map<Condition, String> wireFormat() {
		// A collection resource binds no request parameter as a filter.
		return Map.of();
	}

	@Override
	protected String orderingByPublishedDescendingThenTitle() {
		return "sort=published,desc&sort=title,asc";
	}

	@Override
	protected Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty() {
		return Map.of(Pagination.LIMIT_OFFSET, new Dialect.PageStart("page=2&size=10", 0), Pagination.PAGE_NUMBER,
				new Dialect.PageStart("page=2&size=10", 0));
	}

	@Override
	protected PageResponse pageResponse() {
		return PageResponse.of(
				"{\"_embedded\":{\"books\":["
						+ "{\"title\":\"a\",\"_links\":{\"self\":{\"href\":\"http://x/api/books/1\"}}},"
						+ "{\"title\":\"b\",\"_links\":{\"self\":{\"href\":\"http://x/api/books/2\"}}}]},"
						+ "\"_links\":{\"next\":{\"href\":\"http://x/api/books/?page=1&size=2\"}},"
						+ "\"page\":{\"size\":2,\"totalElements\":5,\"totalPages\":3,\"number\":0}}",
				"http://x/api/books/?page=0&size=2");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/books/?page=1&size=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of(
				"{\"errors\":[{\"entity\":\"Book\",\"property\":\"title\",\"invalidValue\":null,"
						+ "\"message\":\"Required.\"}]}",
				new ErrorBody(null, Map.of("title", List.of("Required."))), "{\"cause\":null,\"message\":\"Bad.\"}",
				new ErrorBody("Bad.", Map.of()));
	}

	@Override
	protected String recordDocument() {
		// The id is only in the self link.
		return "{\"title\":\"Dune\",\"_links\":{\"self\":{\"href\":\"http://x/api/books/7\"},"
				+ "\"book\":{\"href\":\"http://x/api/books/7{?projection}\",\"templated\":true}}}";
	}

	@Override
	protected List<String> writeBodies() {
		return List.of("{\"title\":\"Dune\"}", "{\"title\":\"Dune\"}");
	}

	@Test
	void anIdTheBodyHoldsIsKeptAndLinksAreDropped() {
		JsonNode record = this.dialect.unwrapRecord(
				this.mapper.readTree("{\"id\":9,\"title\":\"x\",\"_links\":{\"self\":{\"href\":\"http://x/b/7\"}}}"),
				BOOKS);
		assertThat(record.get("id").asLong()).isEqualTo(9);
		assertThat(record.has("_links")).isFalse();
	}

	@Test
	void anIdThatIsNotANumberIsKeptAsTextDecoded() {
		JsonNode record = this.dialect.unwrapRecord(
				this.mapper.readTree("{\"_links\":{\"self\":{\"href\":\"http://x/api/books/a%20b\"}}}"), BOOKS);
		assertThat(record.get("id").asString()).isEqualTo("a b");
	}

	@Test
	void anEmptyCollectionHasNoRecords() {
		PageResult<Long> page = readIds(PageResponse.of(
				"{\"_links\":{},\"page\":{\"size\":20,\"totalElements\":0,\"totalPages\":0,\"number\":0}}",
				"http://x/api/books/?page=0&size=20"));
		assertThat(page.records()).isEmpty();
		assertThat(page.count()).isZero();
		assertThat(page.next()).isNull();
	}

	@Test
	void lookupsTheApplicationDeclaresAreSent() {
		SpringDataRestDialect querydsl = new SpringDataRestDialect(this.mapper, List.of("exact", "in"),
				SpringPageDialect.DEFAULT_LOOKUP_PARAMETER);
		assertThat(querydsl.queryParameters(Q.of("genre__in", List.of("a", "b")).and(Q.of("pages", 3)), List.of()))
			.isEqualTo("genre=a&genre=b&pages=3");
		SpringDataRestDialect bounds = new SpringDataRestDialect(this.mapper, List.of("gte", "lte"),
				SpringPageDialect.DEFAULT_LOOKUP_PARAMETER);
		assertThat(bounds.queryParameters(Q.of("pages__range", List.of(1, 5)), List.of()))
			.isEqualTo("pages_gte=1&pages_lte=5");
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		String url = "http://x/api/books?page=0&size=2";
		return Map.of(
				PageResponse.of("{\"_embedded\":{\"books\":[{\"id\":1}]},\"page\":{\"size\":2,\"number\":0,"
						+ "\"totalElements\":-1,\"totalPages\":1}}", url),
				"'page.totalElements' is -1",
				PageResponse.of("{\"_embedded\":{\"books\":[{\"id\":1}]},\"page\":7}", url), "'page' is 7",
				PageResponse.of("{\"_embedded\":{\"books\":[{\"id\":1}]},\"_links\":{\"next\":{\"href\":3}},"
						+ "\"page\":{\"size\":2,\"number\":0,\"totalElements\":5,\"totalPages\":3}}", url),
				"'_links.next.href' is 3");
	}

}
