package dev.apiorm.dialect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cases every dialect must pass: a dialect's test extends this and gives, for each
 * standard condition, ordering, page, write and error, the exact wire format the
 * convention uses, or says that the dialect refuses it.
 */
public abstract class AbstractDialectTests {

	/** The record type of the cases: {@code /api/books/} with the id field {@code id}. */
	protected static final RecordType BOOKS = new RecordType("/api/books/", "id");

	protected final JsonMapper mapper = JsonMapper.builder().build();

	protected abstract Dialect dialect();

	/**
	 * The conditions every dialect is checked on.
	 */
	public enum Condition {

		/** {@code role = "a&b"}: an exact lookup with a reserved character. */
		EXACT_RESERVED(Q.of("role", "a&b")),

		/** {@code pages = 100}. */
		EXACT_NUMBER(Q.of("pages", 100)),

		/** {@code active = true}. */
		EXACT_BOOLEAN(Q.of("active", true)),

		/** {@code title iexact "War and Peace"}. */
		IEXACT(Q.of("title__iexact", "War and Peace")),

		/** {@code title contains "a b"}. */
		CONTAINS(Q.of("title__contains", "a b")),

		/** {@code title icontains "war.peace"} (a regex character). */
		ICONTAINS(Q.of("title__icontains", "war.peace")),

		/** {@code title istartswith "the"}. */
		ISTARTSWITH(Q.of("title__istartswith", "the")),

		/** {@code title endswith "s"}. */
		ENDSWITH(Q.of("title__endswith", "s")),

		/** {@code pages >= 100}. */
		GTE(Q.of("pages__gte", 100)),

		/** {@code pages < 100}. */
		LT(Q.of("pages__lt", 100)),

		/** {@code pages between 100 and 200}. */
		RANGE(Q.of("pages__range", List.of(100, 200))),

		/** {@code published >= 2001-02-03}. */
		DATE_GTE(Q.of("published__gte", LocalDate.of(2001, 2, 3))),

		/** {@code genre in (novel, poetry)}. */
		IN(Q.of("genre__in", List.of("novel", "poetry"))),

		/** {@code published is null}. */
		ISNULL(Q.of("published__isnull", true)),

		/** {@code not genre = poetry}. */
		EXCLUDE(Q.of("genre", "poetry").negate()),

		/** {@code not pages >= 100}. */
		EXCLUDE_GTE(Q.of("pages__gte", 100).negate()),

		/** {@code pages >= 100 and genre = novel}. */
		AND(Q.of("pages__gte", 100).and(Q.of("genre", "novel"))),

		/** {@code pages = 1 or genre = novel}. */
		OR(Q.of("pages", 1).or(Q.of("genre", "novel"))),

		/** {@code author__name = x}: a relation. */
		RELATION(Q.of("author__name", "x"));

		private final Q condition;

		Condition(Q condition) {
			this.condition = condition;
		}

		public Q condition() {
			return this.condition;
		}

	}

	/**
	 * The parameters each condition is written as; a condition the dialect refuses has no
	 * entry.
	 */
	protected abstract Map<Condition, String> wireFormat();

	/**
	 * How the ordering {@code -published, title} is written.
	 */
	protected abstract String orderingByPublishedDescendingThenTitle();

	/**
	 * The parameters of the page of 10 records starting at record 20, in limit-offset and
	 * in page-number style, and how many records of each page precede record 20.
	 */
	protected abstract Map<Pagination, Dialect.PageStart> pageOfTenAtTwenty();

	/**
	 * A response holding the records {@code {"id":1}} and {@code {"id":2}} of a
	 * collection of 5, with a next page.
	 */
	protected abstract PageResponse pageResponse();

	/**
	 * The next page's URL of {@link #pageResponse()}.
	 */
	protected abstract String nextOfPageResponse();

	/**
	 * An error body with a message and an error of the field {@code title}, and what it
	 * says.
	 */
	protected abstract Map<String, ErrorBody> errorBodies();

	/**
	 * A body of one record as the API sends it, of {@code {"id":7,"title":"Dune"}}.
	 */
	protected abstract String recordDocument();

	/**
	 * The body that creates {@code {"title":"Dune"}}, and the body that writes it to the
	 * record of id 7.
	 */
	protected abstract List<String> writeBodies();

	@ParameterizedTest
	@EnumSource(Condition.class)
	void everyConditionIsWrittenAsTheConventionSaysOrRefusedNamingTheDialect(Condition condition) {
		String expected = wireFormat().get(condition);
		if (expected != null) {
			assertThat(dialect().queryParameters(condition.condition(), List.of())).isEqualTo(expected);
		}
		else {
			assertThatExceptionOfType(UnsupportedQueryException.class)
				.isThrownBy(() -> dialect().queryParameters(condition.condition(), List.of()))
				.withMessageContaining("'" + dialect().name() + "'");
		}
	}

	@Test
	void noConditionAndNoOrderingWriteNothing() {
		assertThat(dialect().queryParameters(null, List.of())).isEmpty();
	}

	@Test
	void orderingIsWrittenAsTheConventionSays() {
		assertThat(dialect().queryParameters(null, List.of("-published", "title")))
			.isEqualTo(orderingByPublishedDescendingThenTitle());
	}

	@Test
	void pagesAreAskedForAsTheConventionSays() {
		pageOfTenAtTwenty().forEach((style,
				expected) -> assertThat(dialect().pageParameters(style, 20, 10)).as(style.name()).isEqualTo(expected));
	}

	@Test
	void pageIsReadWithItsRecordsCountAndNextPage() {
		PageResponse response = pageResponse();
		PageResult<Long> page = readIds(response);
		assertThat(page.records()).containsExactly(1L, 2L);
		assertThat(page.count()).isEqualTo(5L);
		assertThat(page.next()).isEqualTo(nextOfPageResponse());
		assertThat(page.paginated()).isTrue();
	}

	protected PageResult<Long> readIds(PageResponse response) {
		try (JsonParser parser = this.mapper.createParser(response.body())) {
			// The dialect hands the array of records to the reader, which reads it whole.
			return dialect().readPage(parser, (array) -> {
				assertThat(array.currentToken()).isEqualTo(JsonToken.START_ARRAY);
				List<Long> ids = new ArrayList<>();
				while (array.nextToken() != JsonToken.END_ARRAY) {
					Map<?, ?> record = this.mapper.readerFor(Map.class)
						.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
						.readValue(array);
					ids.add(Long.valueOf(String.valueOf(record.get("id"))));
				}
				return ids;
			}, new PageContext(response.requestUrl(), response.headers(), BOOKS));
		}
	}

	/**
	 * Pages whose paging fields (total, links, page metadata) are there with a wrong type
	 * or value, each with the field the error must name.
	 */
	protected abstract Map<PageResponse, String> pagesWithMalformedPagingFields();

	@Test
	void aPagingFieldOfTheWrongTypeOrANegativeTotalIsADecodeErrorNamingTheDialectAndTheField() {
		assertThat(pagesWithMalformedPagingFields()).isNotEmpty();
		pagesWithMalformedPagingFields()
			.forEach((response, field) -> assertThatExceptionOfType(ApiDecodeException.class).as(response.body())
				.isThrownBy(() -> readIds(response))
				.withMessageStartingWith(dialect().name() + ": ")
				.withMessageContaining(field));
	}

	@Test
	void bodyThatIsNotAPageIsADecodeError() {
		try (JsonParser parser = this.mapper.createParser("\"just a string\"")) {
			assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> dialect().readPage(parser,
					(array) -> List.of(), new PageContext("http://x/api/books/", new HttpHeaders(), BOOKS)));
		}
	}

	@Test
	void errorBodiesAreRead() {
		errorBodies().forEach((body, expected) -> assertThat(dialect().readError(body)).as(body).isEqualTo(expected));
		assertThat(dialect().readError("<html>502</html>")).isEqualTo(ErrorBody.EMPTY);
		assertThat(dialect().readError("")).isEqualTo(ErrorBody.EMPTY);
	}

	@Test
	void aRecordIsReadOutOfItsDocument() {
		JsonNode document = this.mapper.readTree(recordDocument());
		JsonNode record = dialect().wrapsRecords() ? dialect().unwrapRecord(document, BOOKS) : document;
		assertThat(record.get("id").asString()).isEqualTo("7");
		assertThat(record.get("title").asString()).isEqualTo("Dune");
	}

	@Test
	void recordsAreWrittenAsTheConventionSays() {
		ObjectNode fields = this.mapper.createObjectNode().put("title", "Dune");
		List<String> expected = writeBodies();
		assertThat(write(fields.deepCopy(), null)).isEqualTo(this.mapper.readTree(expected.get(0)));
		assertThat(write(fields.deepCopy(), 7L)).isEqualTo(this.mapper.readTree(expected.get(1)));
	}

	private JsonNode write(ObjectNode fields, Long id) {
		return dialect().wrapsRecords() ? dialect().wrapRecord(fields, BOOKS, id) : fields;
	}

	/**
	 * A page as an API sends it.
	 *
	 * @param body the body
	 * @param headers the headers
	 * @param requestUrl the URL it answers
	 */
	public record PageResponse(String body, HttpHeaders headers, String requestUrl) {

		public static PageResponse of(String body, String requestUrl) {
			return new PageResponse(body, new HttpHeaders(), requestUrl);
		}

		public static PageResponse of(String body, String requestUrl, String header, String value) {
			HttpHeaders headers = new HttpHeaders();
			headers.add(header, value);
			return new PageResponse(body, headers, requestUrl);
		}

	}

}
