package dev.apiorm.dialect.jsonserver;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.AbstractDialectTests;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The json-server 0.17 dialect.
 */
class JsonServerDialectTests extends AbstractDialectTests {

	private final JsonServerDialect dialect = new JsonServerDialect(this.mapper);

	@Override
	protected Dialect dialect() {
		return this.dialect;
	}

	@Override
	protected Map<Condition, String> wireFormat() {
		Map<Condition, String> wire = new EnumMap<>(Condition.class);
		wire.put(Condition.EXACT_RESERVED, "role=a%26b");
		wire.put(Condition.EXACT_NUMBER, "pages=100");
		wire.put(Condition.EXACT_BOOLEAN, "active=true");
		wire.put(Condition.IEXACT, "title_like=%5EWar%20and%20Peace%24");
		wire.put(Condition.ICONTAINS, "title_like=war%5C.peace");
		wire.put(Condition.ISTARTSWITH, "title_like=%5Ethe");
		wire.put(Condition.GTE, "pages_gte=100");
		wire.put(Condition.LT, "pages_lte=99");
		wire.put(Condition.RANGE, "pages_gte=100&pages_lte=200");
		wire.put(Condition.DATE_GTE, "published_gte=2001-02-03");
		wire.put(Condition.IN, "genre=novel&genre=poetry");
		wire.put(Condition.EXCLUDE, "genre_ne=poetry");
		wire.put(Condition.AND, "pages_gte=100&genre=novel");
		return wire;
	}

	@Override
	protected String orderingByPublishedDescendingThenTitle() {
		return "_sort=published,title&_order=desc,asc";
	}

	@Override
	protected Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty() {
		return Map.of(Pagination.LIMIT_OFFSET, new Dialect.PageStart("_start=20&_limit=10", 0), Pagination.PAGE_NUMBER,
				new Dialect.PageStart("_page=3&_limit=10", 0));
	}

	@Override
	protected PageResponse pageResponse() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Total-Count", "5");
		return new PageResponse("[{\"id\":1},{\"id\":2}]", headers, "http://x/api/books/?_start=0&_limit=2");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/books/?_start=2&_limit=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of("{\"message\":\"Bad.\"}", new ErrorBody("Bad.", Map.of()), "{}", ErrorBody.EMPTY);
	}

	@Override
	protected String recordDocument() {
		return "{\"id\":7,\"title\":\"Dune\"}";
	}

	@Override
	protected List<String> writeBodies() {
		return List.of("{\"title\":\"Dune\"}", "{\"title\":\"Dune\"}");
	}

	@Test
	void pagesAskedForByNumberFollowTheLinkHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Total-Count", "5");
		headers.add("Link", "<http://x/api/books/?_page=1&_limit=2>; rel=\"first\", "
				+ "<http://x/api/books/?_page=2&_limit=2>; rel=\"next\", <http://x/api/books/?_page=3&_limit=2>; rel=\"last\"");
		PageResult<Long> page = readIds(
				new PageResponse("[{\"id\":1},{\"id\":2}]", headers, "http://x/api/books/?_page=1&_limit=2"));
		assertThat(page.next()).isEqualTo("http://x/api/books/?_page=2&_limit=2");
		assertThat(page.count()).isEqualTo(5L);
	}

	@Test
	void theLastPageHasNoNext() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Total-Count", "5");
		PageResult<Long> page = readIds(
				new PageResponse("[{\"id\":1},{\"id\":2}]", headers, "http://x/api/books/?_start=3&_limit=2"));
		assertThat(page.next()).isNull();
		assertThat(page.paginated()).isTrue();
	}

	@Test
	void anArrayWithoutATotalIsTheWholeCollection() {
		PageResult<Long> page = readIds(PageResponse.of("[{\"id\":1},{\"id\":2}]", "http://x/api/books/?_start=0"));
		assertThat(page.paginated()).isFalse();
		assertThat(page.next()).isNull();
		assertThat(page.count()).isEqualTo(2L);
	}

	@Test
	void regularExpressionCharactersInValuesAreEscaped() {
		assertThat(this.dialect.queryParameters(Q.of("title__icontains", "a+b (c)"), List.of()))
			.isEqualTo("title_like=a%5C%2Bb%20%5C%28c%5C%29");
	}

	@Test
	void inclusiveBoundsOfDecimalsAndDatesAreSentAsJavaScriptComparesThem() {
		assertThat(this.dialect.queryParameters(Q.of("price__gte", 9.5), List.of())).isEqualTo("price_gte=9.5");
		assertThat(this.dialect.queryParameters(Q.of("price__lte", new java.math.BigDecimal("1E+3")), List.of()))
			.isEqualTo("price_lte=1000");
		assertThat(
				this.dialect.queryParameters(
						Q.of("published__range",
								List.of(java.time.LocalDate.of(1990, 1, 1), java.time.LocalDate.of(1999, 12, 31))),
						List.of()))
			.isEqualTo("published_gte=1990-01-01&published_lte=1999-12-31");
	}

	@Test
	void boundsJavaScriptCannotCompareExactlyAreRefusedSayingWhy() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.dialect.queryParameters(Q.of("price__gt", 9.5), List.of()))
			.withMessageContaining("strict bound is exact for whole numbers only");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.dialect.queryParameters(Q.of("title__gte", "M"), List.of()))
			.withMessageContaining("not M");
		assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> this.dialect
			.queryParameters(Q.of("at__gte", java.time.OffsetDateTime.parse("2026-01-01T00:00:00+01:00")), List.of()));
	}

	@Test
	void parameterNamesAreThoseSent() {
		assertThat(this.dialect.parameterName(Q.of("pages__gte", 3))).isEqualTo("pages_gte");
		assertThat(this.dialect.parameterName(Q.of("genre", "x").negate())).isEqualTo("genre_ne");
		assertThat(this.dialect.parameterName(Q.of("title__icontains", "x"))).isEqualTo("title_like");
	}

	@Test
	void caseSensitiveTextLookupsAreRefusedPointingToTheirCaseInsensitiveTwin() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.dialect.queryParameters(Q.of("title__contains", "x"), List.of()))
			.withMessageContaining("icontains");
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		String url = "http://x/books?_page=1&_limit=2";
		return Map.of(PageResponse.of("[{\"id\":1}]", url, "X-Total-Count", "-1"), "X-Total-Count header is -1",
				PageResponse.of("[{\"id\":1}]", url, "X-Total-Count", "lots"), "X-Total-Count header is lots",
				PageResponse.of("[{\"id\":1}]", url, "X-Total-Count", "99999999999999999999"), "X-Total-Count header");
	}

}
