package dev.apiorm.dialect.convention;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.dialect.AbstractDialectTests;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.PageResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code feathers} preset of the convention dialect: Feathers 5's
 * {@code field[$gte]=v}, {@code $sort[field]=-1}, {@code $limit}/{@code $skip} and
 * {@code {total, limit, skip, data}}, every bracket and dollar percent-encoded.
 */
class FeathersPresetDialectTests extends AbstractDialectTests {

	private final ConventionDialect dialect = new ConventionDialect(this.mapper,
			ConventionDescriptions.preset("feathers"), "api-orm.convention");

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
		wire.put(Condition.GTE, "pages%5B%24gte%5D=100");
		wire.put(Condition.LT, "pages%5B%24lt%5D=100");
		wire.put(Condition.RANGE, "pages%5B%24gte%5D=100&pages%5B%24lte%5D=200");
		wire.put(Condition.DATE_GTE, "published%5B%24gte%5D=2001-02-03");
		wire.put(Condition.IN, "genre%5B%24in%5D%5B%5D=novel&genre%5B%24in%5D%5B%5D=poetry");
		wire.put(Condition.EXCLUDE, "genre%5B%24ne%5D=poetry");
		wire.put(Condition.EXCLUDE_GTE, "pages%5B%24lt%5D=100");
		wire.put(Condition.AND, "pages%5B%24gte%5D=100&genre=novel");
		return wire;
	}

	@Override
	protected String orderingByPublishedDescendingThenTitle() {
		return "%24sort%5Bpublished%5D=-1&%24sort%5Btitle%5D=1";
	}

	@Override
	protected Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty() {
		return Map.of(Pagination.LIMIT_OFFSET, new Dialect.PageStart("%24limit=10&%24skip=20", 0), Pagination.NONE,
				new Dialect.PageStart("", 20));
	}

	@Override
	protected PageResponse pageResponse() {
		return PageResponse.of("{\"total\":5,\"limit\":2,\"skip\":0,\"data\":[{\"id\":1},{\"id\":2}]}",
				"http://x/api/books/?%24limit=2");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/books/?%24limit=2&%24skip=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of("{\"name\":\"BadRequest\",\"message\":\"Bad.\",\"code\":400}", new ErrorBody("Bad.", Map.of()),
				"{}", ErrorBody.EMPTY);
	}

	@Override
	protected String recordDocument() {
		return "{\"id\":7,\"title\":\"Dune\"}";
	}

	@Override
	protected List<String> writeBodies() {
		return List.of("{\"title\":\"Dune\"}", "{\"title\":\"Dune\"}");
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		return Map.of(PageResponse.of("{\"total\":-1,\"data\":[]}", "http://x/books?%24limit=2"), "total",
				PageResponse.of("{\"total\":\"many\",\"data\":[]}", "http://x/books?%24limit=2"), "total");
	}

	@Test
	void theAnswerShowsWhereItStartedAndTheSizeItServed() {
		PageResult<Long> page = readIds(
				PageResponse.of("{\"total\":25,\"limit\":2,\"skip\":3,\"data\":[{\"id\":4},{\"id\":5}]}",
						"http://x/books?%24limit=2&%24skip=4"));
		assertThat(page.layout()).isEqualTo(new PageLayout(3L, Pagination.LIMIT_OFFSET, 2));
		assertThat(page.next()).isEqualTo("http://x/books?%24limit=2&%24skip=6");
	}

	@Test
	void theLastPageHasNoNext() {
		PageResult<Long> page = readIds(PageResponse.of("{\"total\":5,\"limit\":2,\"skip\":4,\"data\":[{\"id\":5}]}",
				"http://x/books?%24limit=2&%24skip=4"));
		assertThat(page.next()).isNull();
		assertThat(page.count()).isEqualTo(5L);
	}

	@Test
	void aPlainArrayIsTheWholeCollection() {
		PageResult<Long> page = readIds(PageResponse.of("[{\"id\":1},{\"id\":2}]", "http://x/plain-books"));
		assertThat(page.paginated()).isFalse();
		assertThat(page.records()).containsExactly(1L, 2L);
	}

	@Test
	void parameterNamesAreThoseSent() {
		assertThat(this.dialect.parameterName(dev.apiorm.Q.of("pages__gte", 3))).isEqualTo("pages[$gte]");
		assertThat(this.dialect.parameterName(dev.apiorm.Q.of("genre", "x").negate())).isEqualTo("genre[$ne]");
		assertThat(this.dialect.name()).isEqualTo("convention:feathers");
	}

}
