package dev.apiorm.dialect.convention;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.dialect.AbstractDialectTests;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageResult;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code postgrest} preset of the convention dialect: operators in the value
 * ({@code pages=gte.100}), {@code order=published.desc,title.asc}, the records as the
 * body with {@code Content-Range: 0-1/5}, and records addressed by an id filter.
 */
class PostgrestPresetDialectTests extends AbstractDialectTests {

	private final ConventionDialect dialect = new ConventionDialect(this.mapper,
			ConventionDescriptions.preset("postgrest"), "api-orm.convention");

	@Override
	protected Dialect dialect() {
		return this.dialect;
	}

	@Override
	protected Map<Condition, String> wireFormat() {
		Map<Condition, String> wire = new EnumMap<>(Condition.class);
		wire.put(Condition.EXACT_RESERVED, "role=eq.a%26b");
		wire.put(Condition.EXACT_NUMBER, "pages=eq.100");
		wire.put(Condition.EXACT_BOOLEAN, "active=eq.true");
		wire.put(Condition.IEXACT, "title=ilike.War%20and%20Peace");
		wire.put(Condition.CONTAINS, "title=like.%2Aa%20b%2A");
		wire.put(Condition.ICONTAINS, "title=ilike.%2Awar.peace%2A");
		wire.put(Condition.ISTARTSWITH, "title=ilike.the%2A");
		wire.put(Condition.ENDSWITH, "title=like.%2As");
		wire.put(Condition.GTE, "pages=gte.100");
		wire.put(Condition.LT, "pages=lt.100");
		wire.put(Condition.RANGE, "pages=gte.100&pages=lte.200");
		wire.put(Condition.DATE_GTE, "published=gte.2001-02-03");
		wire.put(Condition.IN, "genre=in.%28novel,poetry%29");
		wire.put(Condition.EXCLUDE, "genre=not.eq.poetry");
		wire.put(Condition.EXCLUDE_GTE, "pages=not.gte.100");
		wire.put(Condition.AND, "pages=gte.100&genre=eq.novel");
		return wire;
	}

	@Override
	protected String orderingByPublishedDescendingThenTitle() {
		return "order=published.desc,title.asc";
	}

	@Override
	protected Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty() {
		return Map.of(Pagination.LIMIT_OFFSET, new Dialect.PageStart("limit=10&offset=20", 0));
	}

	@Override
	protected PageResponse pageResponse() {
		return PageResponse.of("[{\"id\":1},{\"id\":2}]", "http://x/api/books/?limit=2", "Content-Range", "0-1/5");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/books/?limit=2&offset=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of("{\"code\":\"22P02\",\"message\":\"invalid input syntax\",\"details\":null}",
				new ErrorBody("invalid input syntax", Map.of()), "{}", ErrorBody.EMPTY);
	}

	@Override
	protected String recordDocument() {
		return "[{\"id\":7,\"title\":\"Dune\"}]";
	}

	@Override
	protected List<String> writeBodies() {
		return List.of("{\"title\":\"Dune\"}", "{\"title\":\"Dune\"}");
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		return Map.of(PageResponse.of("[{\"id\":1}]", "http://x/books?limit=2", "Content-Range", "0-0/lots"),
				"Content-Range header is lots");
	}

	@Test
	void anUnknownTotalIsNoTotalAndTheLastPageHasNoNext() {
		PageResult<Long> unknown = readIds(
				PageResponse.of("[{\"id\":1},{\"id\":2}]", "http://x/books?limit=2", "Content-Range", "0-1/*"));
		assertThat(unknown.count()).isNull();
		assertThat(unknown.next()).isEqualTo("http://x/books?limit=2&offset=2");
		PageResult<Long> last = readIds(
				PageResponse.of("[{\"id\":5}]", "http://x/books?limit=2&offset=4", "Content-Range", "4-4/5"));
		assertThat(last.next()).isNull();
	}

	@Test
	void recordsAreAddressedByAnIdFilterAndUpdatedWithPatch() {
		assertThat(this.dialect.recordPath("/books", 7L)).isEqualTo("/books?id=eq.7");
		assertThat(this.dialect.recordPath("/books", "a b&c")).isEqualTo("/books?id=eq.a%20b%26c");
		assertThat(this.dialect.replaceMethod()).isEqualTo(HttpMethod.PATCH);
		assertThat(this.dialect.requestHeaders())
			.containsExactly(Map.entry("Prefer", "count=exact, return=representation"));
	}

}
