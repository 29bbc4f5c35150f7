package dev.apiorm.dialect;

import java.util.List;
import java.util.Optional;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cases every dialect must pass; a dialect's test extends this and supplies the
 * dialect and its expected wire format.
 */
public abstract class AbstractDialectTests {

	protected final JsonMapper mapper = JsonMapper.builder().build();

	protected abstract Dialect dialect();

	/**
	 * How the dialect writes {@code role = "a&b"} (an exact lookup with a reserved
	 * value).
	 */
	protected abstract String exactLookupWithReservedCharacters();

	/**
	 * How the dialect writes {@code a = 1 OR b = 2}, empty when it cannot express OR.
	 */
	protected abstract Optional<String> orOfTwoLookups();

	/**
	 * A page body with two records {@code {"id":1}} and {@code {"id":2}}, a count of 5
	 * and a next link.
	 */
	protected abstract String pageBody();

	@Test
	void valuesArePercentEncoded() {
		assertThat(dialect().queryParameters(Q.of("role", "a&b"), List.of()))
			.isEqualTo(exactLookupWithReservedCharacters());
	}

	@Test
	void noConditionAndNoOrderingWriteNothing() {
		assertThat(dialect().queryParameters(null, List.of())).isEmpty();
	}

	@Test
	void orIsWrittenAsTheDialectSaysOrRejectedNamingTheDialect() {
		Q either = Q.of("a", 1).or(Q.of("b", 2));
		Optional<String> expected = orOfTwoLookups();
		if (expected.isPresent()) {
			assertThat(dialect().queryParameters(either, List.of())).isEqualTo(expected.get());
		}
		else {
			assertThatExceptionOfType(UnsupportedQueryException.class)
				.isThrownBy(() -> dialect().queryParameters(either, List.of()))
				.withMessageContaining("'" + dialect().name() + "'");
		}
	}

	@Test
	void pageIsReadWithItsRecordsCountAndNextLink() {
		try (JsonParser parser = this.mapper.createParser(pageBody())) {
			// The dialect hands the array of records to the reader, which reads it whole.
			PageResult<Long> page = dialect().readPage(parser, (array) -> {
				List<Long> ids = new java.util.ArrayList<>();
				while (array.nextToken() != tools.jackson.core.JsonToken.END_ARRAY) {
					java.util.Map<String, Object> record = this.mapper.readerFor(java.util.Map.class)
						.without(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
						.readValue(array);
					ids.add(((Number) record.get("id")).longValue());
				}
				return ids;
			});
			assertThat(page.records()).containsExactly(1L, 2L);
			assertThat(page.count()).isEqualTo(5L);
			assertThat(page.next()).isNotNull();
			assertThat(page.paginated()).isTrue();
		}
	}

	@Test
	void bodyThatIsNotAPageIsADecodeError() {
		try (JsonParser parser = this.mapper.createParser("\"just a string\"")) {
			assertThatExceptionOfType(ApiDecodeException.class)
				.isThrownBy(() -> dialect().readPage(parser, (array) -> List.of()));
		}
	}

	@Test
	void firstPageOfEveryStyleIsSized() {
		for (Pagination pagination : List.of(Pagination.LIMIT_OFFSET, Pagination.PAGE_NUMBER)) {
			assertThat(dialect().pageParameters(pagination, 0, 25).parameters()).contains("25");
		}
	}

}
