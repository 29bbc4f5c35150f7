package dev.apiorm.dialect.odata;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.AbstractDialectTests;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageResult;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OData v4 dialect.
 */
class ODataDialectTests extends AbstractDialectTests {

	private final ODataDialect dialect = new ODataDialect(this.mapper);

	@Override
	protected Dialect dialect() {
		return this.dialect;
	}

	@Override
	protected Map<Condition, String> wireFormat() {
		Map<Condition, String> wire = new EnumMap<>(Condition.class);
		wire.put(Condition.EXACT_RESERVED, "$filter=role%20eq%20%27a%26b%27");
		wire.put(Condition.EXACT_NUMBER, "$filter=pages%20eq%20100");
		wire.put(Condition.EXACT_BOOLEAN, "$filter=active%20eq%20true");
		wire.put(Condition.IEXACT, "$filter=tolower%28title%29%20eq%20%27war%20and%20peace%27");
		wire.put(Condition.CONTAINS, "$filter=contains%28title%2C%27a%20b%27%29");
		wire.put(Condition.ICONTAINS, "$filter=contains%28tolower%28title%29%2C%27war.peace%27%29");
		wire.put(Condition.ISTARTSWITH, "$filter=startswith%28tolower%28title%29%2C%27the%27%29");
		wire.put(Condition.ENDSWITH, "$filter=endswith%28title%2C%27s%27%29");
		wire.put(Condition.GTE, "$filter=pages%20ge%20100");
		wire.put(Condition.LT, "$filter=pages%20lt%20100");
		wire.put(Condition.RANGE, "$filter=%28pages%20ge%20100%20and%20pages%20le%20200%29");
		wire.put(Condition.DATE_GTE, "$filter=published%20ge%202001-02-03");
		wire.put(Condition.IN, "$filter=genre%20in%20%28%27novel%27%2C%27poetry%27%29");
		wire.put(Condition.ISNULL, "$filter=published%20eq%20null");
		wire.put(Condition.EXCLUDE, "$filter=not%20%28genre%20eq%20%27poetry%27%29");
		wire.put(Condition.EXCLUDE_GTE, "$filter=not%20%28pages%20ge%20100%29");
		wire.put(Condition.AND, "$filter=pages%20ge%20100%20and%20genre%20eq%20%27novel%27");
		wire.put(Condition.OR, "$filter=pages%20eq%201%20or%20genre%20eq%20%27novel%27");
		wire.put(Condition.RELATION, "$filter=author%2Fname%20eq%20%27x%27");
		return wire;
	}

	@Override
	protected String orderingByPublishedDescendingThenTitle() {
		return "$orderby=published%20desc,title";
	}

	@Override
	protected Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty() {
		return Map.of(Pagination.LIMIT_OFFSET, new Dialect.PageStart("$top=10&$skip=20&$count=true", 0),
				Pagination.PAGE_NUMBER, new Dialect.PageStart("$top=10&$skip=20&$count=true", 0));
	}

	@Override
	protected PageResponse pageResponse() {
		return PageResponse.of(
				"{\"@odata.context\":\"$metadata#Books\",\"@odata.count\":5,"
						+ "\"value\":[{\"id\":1},{\"id\":2}],\"@odata.nextLink\":\"http://x/api/Books?$skiptoken=2\"}",
				"http://x/api/Books?$top=2&$count=true");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/Books?$skiptoken=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of(
				"{\"error\":{\"code\":\"400\",\"message\":\"Bad.\","
						+ "\"details\":[{\"code\":\"x\",\"message\":\"Required.\",\"target\":\"title\"}]}}",
				new ErrorBody("Bad.", Map.of("title", List.of("Required."))));
	}

	@Override
	protected String recordDocument() {
		return "{\"@odata.context\":\"$metadata#Books/$entity\",\"id\":7,\"title\":\"Dune\"}";
	}

	@Override
	protected List<String> writeBodies() {
		return List.of("{\"title\":\"Dune\"}", "{\"title\":\"Dune\"}");
	}

	@Test
	void aFullPageAskedForWithTopIsFollowedByTheNextOneTheClientWrites() {
		PageResult<Long> page = readIds(PageResponse.of("{\"@odata.count\":5,\"value\":[{\"id\":1},{\"id\":2}]}",
				"http://x/api/Books?$top=2&$count=true"));
		assertThat(page.next()).isEqualTo("http://x/api/Books?$top=2&$count=true&$skip=2");
		PageResult<Long> second = readIds(PageResponse.of("{\"@odata.count\":5,\"value\":[{\"id\":3},{\"id\":4}]}",
				"http://x/api/Books?$top=2&$skip=2&$count=true"));
		assertThat(second.next()).isEqualTo("http://x/api/Books?$top=2&$skip=4&$count=true");
		PageResult<Long> last = readIds(PageResponse.of("{\"@odata.count\":5,\"value\":[{\"id\":5}]}",
				"http://x/api/Books?$top=2&$skip=4&$count=true"));
		assertThat(last.next()).isNull();
		PageResult<Long> full = readIds(PageResponse.of("{\"@odata.count\":4,\"value\":[{\"id\":3},{\"id\":4}]}",
				"http://x/api/Books?$top=2&$skip=2&$count=true"));
		assertThat(full.next()).isNull();
	}

	@Test
	void recordsAreAddressedByKey() {
		assertThat(this.dialect.recordPath("/Books", 7L)).isEqualTo("/Books(7)");
		assertThat(this.dialect.recordPath("/People/", "o'brien")).isEqualTo("/People(%27o%27%27brien%27)");
	}

	@Test
	void combinationsAreParenthesizedWhereTheyNest() {
		Q either = Q.of("genre", "novel").or(Q.of("pages__lt", 100));
		assertThat(this.dialect.queryParameters(either.and(Q.of("available", true)), List.of())).isEqualTo("$filter="
				+ UriUtils.encode("(genre eq 'novel' or pages lt 100) and available eq true", StandardCharsets.UTF_8));
	}

	@Test
	void quotesInStringsAreDoubled() {
		assertThat(this.dialect.queryParameters(Q.of("name", "O'Brien"), List.of()))
			.isEqualTo("$filter=name%20eq%20%27O%27%27Brien%27");
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		String url = "http://x/odata/Books?$top=2&$count=true";
		return Map.of(PageResponse.of("{\"@odata.count\":-1,\"value\":[{\"id\":1}]}", url), "'@odata.count' is -1",
				PageResponse.of("{\"@odata.count\":\"5\",\"value\":[{\"id\":1}]}", url), "'@odata.count' is 5",
				PageResponse.of("{\"@odata.count\":5,\"@odata.nextLink\":7,\"value\":[{\"id\":1}]}", url),
				"'@odata.nextLink' is 7");
	}

}
