package dev.apiorm.dialect.drf;

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
 * The Django REST Framework dialect.
 */
class DrfDialectTests extends AbstractDialectTests {

	private final DrfDialect dialect = new DrfDialect(this.mapper, "n");

	private final DrfDialect undeclared = new DrfDialect(this.mapper);

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
		wire.put(Condition.IEXACT, "title__iexact=War%20and%20Peace");
		wire.put(Condition.CONTAINS, "title__contains=a%20b");
		wire.put(Condition.ICONTAINS, "title__icontains=war.peace");
		wire.put(Condition.ISTARTSWITH, "title__istartswith=the");
		wire.put(Condition.ENDSWITH, "title__endswith=s");
		wire.put(Condition.GTE, "pages__gte=100");
		wire.put(Condition.LT, "pages__lt=100");
		wire.put(Condition.RANGE, "pages__range=100,200");
		wire.put(Condition.DATE_GTE, "published__gte=2001-02-03");
		wire.put(Condition.IN, "genre__in=novel,poetry");
		wire.put(Condition.ISNULL, "published__isnull=true");
		wire.put(Condition.EXCLUDE, "genre__n=poetry");
		wire.put(Condition.AND, "pages__gte=100&genre=novel");
		wire.put(Condition.RELATION, "author__name=x");
		return wire;
	}

	@Override
	protected String orderingByPublishedDescendingThenTitle() {
		return "ordering=-published,title";
	}

	@Override
	protected Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty() {
		return Map.of(Pagination.LIMIT_OFFSET, new Dialect.PageStart("limit=10&offset=20", 0), Pagination.PAGE_NUMBER,
				new Dialect.PageStart("page=3&page_size=10", 0));
	}

	@Override
	protected PageResponse pageResponse() {
		return PageResponse.of("{\"count\":5,\"next\":\"http://x/api/books/?limit=2&offset=2\",\"previous\":null,"
				+ "\"results\":[{\"id\":1},{\"id\":2}]}", "http://x/api/books/?limit=2");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/books/?limit=2&offset=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of("{\"detail\":\"Bad.\",\"title\":[\"Required.\"]}",
				new ErrorBody("Bad.", Map.of("title", List.of("Required."))));
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
	void lookupsAreWrittenAsDjangoFilterParameters() {
		assertThat(this.dialect.queryParameters(Q.of("age__gte", 18).and(Q.of("name__icontains", "an")),
				List.of("-created_at", "name")))
			.isEqualTo("age__gte=18&name__icontains=an&ordering=-created_at,name");
		assertThat(this.dialect.queryParameters(Q.of("role__exact", "x"), List.of())).isEqualTo("role=x");
		assertThat(this.dialect.queryParameters(Q.of("role", null), List.of())).isEqualTo("role__isnull=true");
		assertThat(this.dialect.queryParameters(Q.of("role", null).negate(), List.of()))
			.isEqualTo("role__isnull=false");
		assertThat(this.dialect.queryParameters(Q.of("author__name", "Ann"), List.of())).isEqualTo("author__name=Ann");
	}

	@Test
	void excludeIsRefusedUnlessTheApiDeclaresNegatedFilters() {
		// django-filter ignores role__n unless the API declares it: refused, with the way
		// out.
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.undeclared.queryParameters(Q.of("role", "banned").negate(), List.of()))
			.withMessageContaining("cannot exclude 'role'")
			.withMessageContaining("api-orm.drf.negation-suffix=n");
		// What needs no declared negation still works: isnull=false.
		assertThat(this.undeclared.queryParameters(Q.of("role", null).negate(), List.of()))
			.isEqualTo("role__isnull=false");
	}

	@Test
	void aNegationSuffixThatIsNotAWordIsAConfigurationError() {
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> new DrfDialect(this.mapper, "n&x=1"))
			.withMessageContaining("api-orm.drf.negation-suffix");
	}

	@Test
	void parameterNamesAreThoseSent() {
		assertThat(this.dialect.parameterName(Q.of("role", "x"))).isEqualTo("role");
		assertThat(this.dialect.parameterName(Q.of("role__exact", "x"))).isEqualTo("role");
		assertThat(this.dialect.parameterName(Q.of("age__gte", 3))).isEqualTo("age__gte");
		assertThat(this.dialect.parameterName(Q.of("role", "x").negate())).isEqualTo("role__n");
		assertThat(this.dialect.parameterName(Q.of("role", null))).isEqualTo("role__isnull");
	}

	@Test
	void layoutOfLimitOffsetAndPageNumberPagesComesFromTheirLinks() {
		List<Integer> ten = java.util.stream.IntStream.range(0, 10).boxed().toList();
		// LimitOffsetPagination links the next page at offset + limit.
		assertThat(this.dialect.layoutOf(new PageResult<>(ten, 95L, "http://h/x/?limit=10&offset=40", true, null),
				"http://h/x/?limit=10&offset=30"))
			.isEqualTo(new PageLayout(30L, Pagination.LIMIT_OFFSET, 10));
		// PageNumberPagination: page 3 follows the page that starts at record 10.
		assertThat(this.dialect.layoutOf(
				new PageResult<>(ten, 95L, "http://h/x/?page=3&page_size=100", true, "http://h/x/?page_size=100"),
				"http://h/x/?page=2&page_size=100"))
			.isEqualTo(new PageLayout(10L, Pagination.PAGE_NUMBER, 10));
		// The last of linked pages holds the tail; the nine before it are full.
		assertThat(this.dialect.layoutOf(new PageResult<>(ten.subList(0, 5), 95L, null, true, "http://h/x/?page=9"),
				"http://h/x/?page=10"))
			.isEqualTo(new PageLayout(90L, Pagination.PAGE_NUMBER, 10));
		// DRF links page 1 without a page parameter: page 2 of 10 starts at record 10.
		assertThat(this.dialect.layoutOf(new PageResult<>(ten.subList(0, 3), 13L, null, true, "http://h/x/"),
				"http://h/x/?page=2"))
			.isEqualTo(new PageLayout(10L, Pagination.PAGE_NUMBER, 10));
		// An envelope without links shows nothing.
		assertThat(this.dialect.layoutOf(new PageResult<>(ten, 95L, null, true, null), "http://h/x/?limit=10"))
			.isEqualTo(PageLayout.UNKNOWN);
		assertThat(this.dialect.layoutOf(new PageResult<>(ten, 10L, null, false, null), "http://h/x/?limit=10"))
			.isEqualTo(new PageLayout(0L, Pagination.NONE, null));
	}

	@Test
	void aPageNumberServerThatCopiedTheOffsetAskedForIsToldByThePageItChanged() {
		List<Integer> ten = java.util.stream.IntStream.range(0, 10).boxed().toList();
		// Asked for limit=10&offset=10, a PageNumberPagination server ignored both, sent
		// its first page, and copied them into its link.
		assertThat(
				this.dialect.layoutOf(new PageResult<>(ten, 95L, "http://h/x/?limit=10&offset=10&page=2", true, null),
						"http://h/x/?limit=10&offset=10"))
			.isEqualTo(new PageLayout(0L, Pagination.PAGE_NUMBER, 10));
	}

	@Test
	void excludeOfAnExactLookupUsesTheNegationSuffix() {
		assertThat(this.dialect.queryParameters(Q.of("role", "banned").negate(), List.of()))
			.isEqualTo("role__n=banned");
		assertThat(new DrfDialect(this.mapper, "not").queryParameters(Q.of("role", "x").negate(), List.of()))
			.isEqualTo("role__not=x");
	}

	@Test
	void excludeOfAnInLookupIsRejected() {
		// A django-filter exclude=True filter compares with one value: role__n=a,b would
		// exclude the literal "a,b" and return records of role a and b.
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.dialect.queryParameters(Q.of("role__in", List.of("a", "b")).negate(), List.of()))
			.withMessageContaining("'drf'")
			.withMessageContaining("role__in");
	}

	@Test
	void negatedRangeLookupsAndNegatedCombinationsAreRejected() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.dialect.queryParameters(Q.of("age__gte", 1).negate(), List.of()));
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.dialect.queryParameters(Q.of("a", 1).and(Q.of("b", 2)).negate(), List.of()));
	}

	@Test
	void pageNumberPaginationAsksForThePageHoldingTheOffset() {
		Dialect.PageStart start = this.dialect.pageParameters(Pagination.PAGE_NUMBER, 45, 20);
		assertThat(start.parameters()).isEqualTo("page=3&page_size=20");
		assertThat(start.skip()).isEqualTo(5);
		assertThat(this.dialect.pageParameters(Pagination.LIMIT_OFFSET, 45, 20).parameters())
			.isEqualTo("limit=20&offset=45");
		assertThat(this.dialect.pageParameters(Pagination.NONE, 3, 20).parameters()).isEmpty();
	}

	@Test
	void errorBodiesOfEveryDrfShapeAreRead() {
		assertThat(this.dialect.readError("{\"detail\":\"Not found.\"}").message()).isEqualTo("Not found.");
		ErrorBody fields = this.dialect.readError("{\"email\":[\"Bad.\",\"Taken.\"],\"non_field_errors\":[\"No.\"]}");
		assertThat(fields.fieldErrors()).containsEntry("email", List.of("Bad.", "Taken."))
			.containsEntry("non_field_errors", List.of("No."));
		assertThat(this.dialect.readError("[\"Whole request is wrong.\"]").fieldErrors())
			.containsEntry("non_field_errors", List.of("Whole request is wrong."));
		assertThat(this.dialect.readError("<html>502</html>")).isEqualTo(ErrorBody.EMPTY);
		assertThat(this.dialect.readError("")).isEqualTo(ErrorBody.EMPTY);
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		String url = "http://x/api/books/?limit=2";
		return Map.of(PageResponse.of("{\"count\":-5,\"next\":null,\"results\":[{\"id\":1}]}", url), "'count' is -5",
				PageResponse.of("{\"count\":\"5\",\"next\":null,\"results\":[{\"id\":1}]}", url), "'count' is 5",
				PageResponse.of("{\"count\":5.5,\"results\":[{\"id\":1}]}", url), "'count' is 5.5",
				PageResponse.of("{\"count\":99999999999999999999,\"results\":[]}", url), "'count'",
				PageResponse.of("{\"count\":5,\"next\":{\"href\":\"x\"},\"results\":[{\"id\":1}]}", url),
				"'next' is an object");
	}

}
