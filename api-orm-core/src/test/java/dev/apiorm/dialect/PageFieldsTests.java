package dev.apiorm.dialect;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.exception.ApiDecodeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paging fields read strictly: absent or null is absent, a non-negative integer is a
 * count, anything else names the dialect and the field.
 */
class PageFieldsTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void countsAreNonNegativeIntegersAndNullOrMissingIsAbsent() {
		assertThat(countOf("0")).isZero();
		assertThat(countOf("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
		assertThat(countOf("null")).isNull();
		assertThat(PageFields.count("acme", "total", (tools.jackson.databind.JsonNode) null)).isNull();
		assertThat(PageFields.count("acme", "total", this.mapper.readTree("12"))).isEqualTo(12L);
		assertThat(PageFields.count("acme", "X-Total", " 12 ")).isEqualTo(12L);
		assertThat(PageFields.count("acme", "X-Total", (String) null)).isNull();
	}

	@Test
	void aCountThatIsNotANonNegativeLongNamesTheDialectAndTheField() {
		for (String value : new String[] { "-1", "1.5", "\"3\"", "true", "[1]", "{\"n\":1}", "9223372036854775808" }) {
			assertThatExceptionOfType(ApiDecodeException.class).as(value)
				.isThrownBy(() -> countOf(value))
				.withMessageStartingWith("acme: the page's 'total' is ");
		}
		assertThatExceptionOfType(ApiDecodeException.class)
			.isThrownBy(() -> PageFields.count("acme", "total", this.mapper.readTree("-4")))
			.withMessage("acme: the page's 'total' is -4, not a number of records (a non-negative integer)");
		for (String header : new String[] { "-1", "1e3", "", "0x10", "9999999999999999999" }) {
			assertThatExceptionOfType(ApiDecodeException.class).as(header)
				.isThrownBy(() -> PageFields.count("acme", "X-Total", header))
				.withMessageStartingWith("acme: the X-Total header is ");
		}
	}

	@Test
	void aLinkIsAStringOrNull() {
		try (JsonParser parser = this.mapper.createParser("[\"http://x/?page=2\", null, 3, {\"href\": \"x\"}]")) {
			parser.nextToken();
			parser.nextToken();
			assertThat(PageFields.link("acme", "next", parser)).isEqualTo("http://x/?page=2");
			parser.nextToken();
			assertThat(PageFields.link("acme", "next", parser)).isNull();
			parser.nextToken();
			assertThatExceptionOfType(ApiDecodeException.class)
				.isThrownBy(() -> PageFields.link("acme", "next", parser))
				.withMessageStartingWith("acme: the page's 'next' is 3, not a link");
			parser.nextToken();
			assertThatExceptionOfType(ApiDecodeException.class)
				.isThrownBy(() -> PageFields.link("acme", "next", parser))
				.withMessageStartingWith("acme: the page's 'next' is an object, not a link");
		}
	}

	private Long countOf(String json) {
		try (JsonParser parser = this.mapper.createParser("{\"total\": " + json + "}")) {
			parser.nextToken();
			parser.nextToken();
			parser.nextToken();
			return PageFields.count("acme", "total", parser);
		}
	}

}
