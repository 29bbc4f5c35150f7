package dev.apiorm.dialect.spring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.AbstractDialectTests;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dialect of controllers returning Spring Data's {@code Page}/{@code PagedModel},
 * with a controller that binds {@code exact}, {@code in}, {@code gte}, {@code lt} and
 * {@code icontains}.
 */
class SpringPageDialectTests extends AbstractDialectTests {

	private final SpringPageDialect dialect = new SpringPageDialect(this.mapper,
			List.of("exact", "in", "gte", "lt", "icontains"), SpringPageDialect.DEFAULT_LOOKUP_PARAMETER);

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
		wire.put(Condition.ICONTAINS, "title_icontains=war.peace");
		wire.put(Condition.GTE, "pages_gte=100");
		wire.put(Condition.LT, "pages_lt=100");
		wire.put(Condition.DATE_GTE, "published_gte=2001-02-03");
		wire.put(Condition.IN, "genre=novel&genre=poetry");
		wire.put(Condition.AND, "pages_gte=100&genre=novel");
		return wire;
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
				"{\"content\":[{\"id\":1},{\"id\":2}],"
						+ "\"page\":{\"size\":2,\"number\":0,\"totalElements\":5,\"totalPages\":3}}",
				"http://x/api/books/?page=0&size=2");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/books/?page=1&size=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of(
				"{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Bad.\","
						+ "\"errors\":[{\"field\":\"title\",\"defaultMessage\":\"Required.\"}]}",
				new ErrorBody("Bad.", Map.of("title", List.of("Required."))),
				"{\"timestamp\":\"2026-01-01T00:00:00Z\",\"status\":500,\"error\":\"Internal Server Error\","
						+ "\"path\":\"/books\"}",
				new ErrorBody("Internal Server Error", Map.of()));
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
	void aSerializedPageImplIsReadAsWell() {
		PageResult<Long> page = readIds(PageResponse.of(
				"{\"content\":[{\"id\":1},{\"id\":2}],\"pageable\":{\"pageNumber\":1},\"totalElements\":5,"
						+ "\"totalPages\":3,\"number\":1,\"size\":2,\"last\":false}",
				"http://x/api/books/?page=1&size=2&sort=id,asc"));
		assertThat(page.count()).isEqualTo(5L);
		assertThat(page.next()).isEqualTo("http://x/api/books/?page=2&size=2&sort=id,asc");
	}

	@Test
	void theLastPageHasNoNextAndThePageShowsWhereItStartsAndTheSizeServed() {
		PageResult<Long> page = readIds(PageResponse.of(
				"{\"content\":[{\"id\":1},{\"id\":2}],"
						+ "\"page\":{\"size\":2,\"number\":2,\"totalElements\":6,\"totalPages\":3}}",
				"http://x/api/books/?page=2&size=5"));
		assertThat(page.next()).isNull();
		assertThat(this.dialect.layoutOf(page, "http://x/api/books/?page=2&size=5"))
			.isEqualTo(new PageLayout(4L, Pagination.PAGE_NUMBER, 2));
	}

	@Test
	void byDefaultOnlyExactLookupsAreSentAndOthersAreRefusedSayingHowToDeclareThem() {
		SpringPageDialect plain = new SpringPageDialect(this.mapper);
		assertThat(plain.queryParameters(Q.of("genre", "novel"), List.of())).isEqualTo("genre=novel");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> plain.queryParameters(Q.of("pages__gte", 3), List.of()))
			.withMessageContaining("api-orm.spring-page.lookups");
	}

	@Test
	void theLookupParameterIsConfigurable() {
		SpringPageDialect dotted = new SpringPageDialect(this.mapper, List.of("gte"), "{field}.{lookup}");
		assertThat(dotted.queryParameters(Q.of("pages__gte", 3), List.of())).isEqualTo("pages.gte=3");
		assertThat(dotted.parameterName(Q.of("pages__gte", 3))).isEqualTo("pages.gte");
	}

	@Test
	void anUnknownLookupOrAPatternWithoutTheFieldIsAConfigurationError() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new SpringPageDialect(this.mapper, List.of("between"), "{field}_{lookup}"))
			.withMessageContaining("api-orm.spring-page.lookups");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new SpringPageDialect(this.mapper, List.of("gte"), "min"))
			.withMessageContaining("api-orm.spring-page.lookup-parameter");
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		String url = "http://x/api/books/?page=0&size=2";
		return Map.of(
				PageResponse.of("{\"content\":[{\"id\":1}],\"page\":{\"size\":2,\"number\":0,\"totalElements\":-5,"
						+ "\"totalPages\":3}}", url),
				"'page.totalElements' is -5",
				PageResponse.of("{\"content\":[{\"id\":1}],\"page\":\"0\",\"totalElements\":5}", url),
				"'page' is \"0\"",
				PageResponse.of("{\"content\":[{\"id\":1}],\"page\":{\"number\":0,\"size\":2,\"totalElements\":\"5\"}}",
						url),
				"'page.totalElements' is \"5\"",
				PageResponse.of("{\"content\":[{\"id\":1}],\"number\":0,\"size\":2}", url), "neither 'totalElements'",
				PageResponse.of("{\"content\":[{\"id\":1}],\"page\":{\"number\":0,\"size\":2,\"totalElements\":5,"
						+ "\"totalPages\":3},\"totalElements\":5}", url),
				"both Spring's 'page' metadata");
	}

	@Test
	void aPageDtoWithThePageNumberBesideTheContentIsReadWholeLikeSpringPetclinicRests() {
		// {"content":[...],"page":0,"size":100,"totalElements":105,"totalPages":2}: 0.2
		// took the first page for the whole collection.
		PageResult<Long> page = readIds(PageResponse.of(
				"{\"content\":[{\"id\":1},{\"id\":2}],\"page\":0,\"size\":2,\"totalElements\":5,\"totalPages\":3}",
				"http://x/api/owners?page=0&size=2"));
		assertThat(page.count()).isEqualTo(5L);
		assertThat(page.next()).isEqualTo("http://x/api/owners?page=1&size=2");
		assertThat(this.dialect.layoutOf(page, "http://x/api/owners?page=0&size=2"))
			.isEqualTo(new PageLayout(0L, Pagination.PAGE_NUMBER, 2));
	}

}
