package dev.apiorm.dialect.jsonapi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.AbstractDialectTests;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JSON:API dialect, of a server that binds {@code exact}, {@code in}, {@code gte} and
 * {@code lte}.
 */
class JsonApiDialectTests extends AbstractDialectTests {

	private final JsonApiDialect dialect = new JsonApiDialect(this.mapper, List.of("exact", "in", "gte", "lte"),
			JsonApiDialect.DEFAULT_LOOKUP_PARAMETER);

	@Override
	protected Dialect dialect() {
		return this.dialect;
	}

	@Override
	protected Map<Condition, String> wireFormat() {
		Map<Condition, String> wire = new EnumMap<>(Condition.class);
		wire.put(Condition.EXACT_RESERVED, "filter%5Brole%5D=a%26b");
		wire.put(Condition.EXACT_NUMBER, "filter%5Bpages%5D=100");
		wire.put(Condition.EXACT_BOOLEAN, "filter%5Bactive%5D=true");
		wire.put(Condition.GTE, "filter%5Bpages%5D%5Bgte%5D=100");
		wire.put(Condition.RANGE, "filter%5Bpages%5D%5Bgte%5D=100&filter%5Bpages%5D%5Blte%5D=200");
		wire.put(Condition.DATE_GTE, "filter%5Bpublished%5D%5Bgte%5D=2001-02-03");
		wire.put(Condition.IN, "filter%5Bgenre%5D=novel,poetry");
		wire.put(Condition.AND, "filter%5Bpages%5D%5Bgte%5D=100&filter%5Bgenre%5D=novel");
		return wire;
	}

	@Override
	protected String orderingByPublishedDescendingThenTitle() {
		return "sort=-published,title";
	}

	@Override
	protected Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty() {
		return Map.of(Pagination.LIMIT_OFFSET, new Dialect.PageStart("page%5Boffset%5D=20&page%5Blimit%5D=10", 0),
				Pagination.PAGE_NUMBER, new Dialect.PageStart("page%5Bnumber%5D=3&page%5Bsize%5D=10", 0));
	}

	@Override
	protected PageResponse pageResponse() {
		return PageResponse.of(
				"{\"data\":[{\"type\":\"books\",\"id\":\"1\",\"attributes\":{}},"
						+ "{\"type\":\"books\",\"id\":\"2\",\"attributes\":{}}],"
						+ "\"links\":{\"next\":\"http://x/api/books/?page%5Boffset%5D=2\"},\"meta\":{\"total\":5}}",
				"http://x/api/books/?page%5Blimit%5D=2");
	}

	@Override
	protected String nextOfPageResponse() {
		return "http://x/api/books/?page%5Boffset%5D=2";
	}

	@Override
	protected Map<String, ErrorBody> errorBodies() {
		return Map.of("{\"errors\":[{\"status\":\"422\",\"detail\":\"Required.\","
				+ "\"source\":{\"pointer\":\"/data/attributes/title\"}},{\"status\":\"422\",\"title\":\"Bad.\"}]}",
				new ErrorBody("Bad.", Map.of("title", List.of("Required."))));
	}

	@Override
	protected String recordDocument() {
		return "{\"data\":{\"type\":\"books\",\"id\":\"7\",\"attributes\":{\"title\":\"Dune\"}}}";
	}

	@Override
	protected List<String> writeBodies() {
		return List.of("{\"data\":{\"type\":\"books\",\"attributes\":{\"title\":\"Dune\"}}}",
				"{\"data\":{\"type\":\"books\",\"id\":\"7\",\"attributes\":{\"title\":\"Dune\"}}}");
	}

	@Test
	void lookupsWithTemplatesOfTheirOwnPutTheOperatorWhereTheServerReadsIt() {
		// jsonapi-server: filter[pages]=>300, filter[title]=:dune
		JsonApiDialect operatorsInValues = new JsonApiDialect(this.mapper, List.of("exact", "in"),
				JsonApiDialect.DEFAULT_LOOKUP_PARAMETER,
				Map.of("gt", "filter[{field}]=>{value}", "icontains", "filter[{field}]=:{value}"));
		assertThat(operatorsInValues.queryParameters(
				Q.of("pages__gt", 300).and(Q.of("title__icontains", "du ne")).and(Q.of("genre__in", List.of("a", "b"))),
				List.of()))
			.isEqualTo("filter%5Bpages%5D=%3E300&filter%5Btitle%5D=%3Adu%20ne&filter%5Bgenre%5D=a,b");
		assertThat(operatorsInValues.parameterName(Q.of("pages__gt", 300))).isEqualTo("filter[pages]");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> operatorsInValues.queryParameters(Q.of("pages__gte", 300), List.of()))
			.withMessageContaining("only [exact, icontains, gt, in]");
	}

	@Test
	void aValueWithACommaIsRefusedWhereCommasSeparateTheValuesOfIn() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.dialect.queryParameters(Q.of("title__in", List.of("Hello, world", "x")), List.of()))
			.withMessageContaining("commas");
	}

	@Test
	void aTemplateWithoutFieldOrValueIsAConfigurationError() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new JsonApiDialect(this.mapper, List.of(), JsonApiDialect.DEFAULT_LOOKUP_PARAMETER,
					Map.of("gt", "filter[pages]=>{value}")))
			.withMessageContaining("api-orm.jsonapi.lookup-templates");
	}

	@Test
	void bodiesAreJsonApisMediaTypeAndAWholeRecordIsReplacedWithPatch() {
		assertThat(this.dialect.mediaType()).hasToString("application/vnd.api+json");
		assertThat(this.dialect.replaceMethod()).isEqualTo(HttpMethod.PATCH);
	}

	@Test
	void aToOneRelationshipIsTheRelatedResourcesId() {
		JsonNode record = this.dialect.unwrapRecord(this.mapper.readTree("{\"data\":{\"type\":\"books\",\"id\":\"7\","
				+ "\"attributes\":{\"title\":\"Dune\"},\"relationships\":{\"author\":{\"data\":{\"type\":\"people\","
				+ "\"id\":\"9\"}},\"tags\":{\"data\":[{\"type\":\"tags\",\"id\":\"1\"}]}}}}"), BOOKS);
		assertThat(record.get("author").asString()).isEqualTo("9");
		assertThat(record.has("tags")).isFalse();
	}

	@Test
	void theIdOfARecordWrittenIsItsIdNotAnAttribute() {
		JsonNode body = this.dialect.wrapRecord(this.mapper.createObjectNode().put("id", 7).put("title", "Dune"), BOOKS,
				7L);
		assertThat(body.at("/data/attributes").has("id")).isFalse();
		assertThat(body.at("/data/id").asString()).isEqualTo("7");
	}

	@Override
	protected Map<PageResponse, String> pagesWithMalformedPagingFields() {
		String url = "http://x/api/books?page[limit]=2";
		return Map.of(PageResponse.of("{\"data\":[{\"type\":\"books\",\"id\":\"1\"}],\"meta\":{\"total\":-3}}", url),
				"'meta.total' is -3",
				PageResponse
					.of("{\"data\":[{\"type\":\"books\",\"id\":\"1\"}],\"meta\":{\"page\":{\"total\":\"many\"}}}", url),
				"'meta.page.total' is \"many\"");
	}

}
