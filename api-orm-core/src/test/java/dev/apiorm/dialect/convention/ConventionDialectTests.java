package dev.apiorm.dialect.convention;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordType;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The convention dialect beyond its presets: descriptions checked when it is made, page
 * numbers from 0 or 1, cursors, links in headers, orderings repeated or joined, and what
 * a description refuses.
 */
class ConventionDialectTests {

	private static final String PROPERTY = "api-orm.clients.books.convention";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private ConventionDialect dialect(ConventionDescription description) {
		return new ConventionDialect(this.mapper, description, PROPERTY);
	}

	@Test
	void aWrongDescriptionFailsWhenTheDialectIsMadeNamingItsProperty() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.preset("loopback")))
			.withMessageContaining(PROPERTY + ".preset")
			.withMessageContaining("feathers");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.filters(Map.of("gte", "{field}[$gte]"))))
			.withMessageContaining(PROPERTY + ".filters.lookups.gte");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.filters(Map.of("near", "{field}={value}"))))
			.withMessageContaining("'near' of " + PROPERTY + ".filters.lookups");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.paging(paging("keyset", null), null)))
			.withMessageContaining(PROPERTY + ".paging.type");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.paging(paging("page", 2), null)))
			.withMessageContaining(PROPERTY + ".paging.first-page");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.paging(paging("cursor", null), null)))
			.withMessageContaining(PROPERTY + ".next");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions
				.ordering(new ConventionDescription.Ordering("$sort[{field}]", "1", "-1", ","))))
			.withMessageContaining(PROPERTY + ".ordering.joiner");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.record("/books/{id}", "PUT")))
			.withMessageContaining(PROPERTY + ".record-path");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.record(null, "POST")))
			.withMessageContaining(PROPERTY + ".save-method");
	}

	private static ConventionDescription.Paging paging(String type, Integer firstPage) {
		return new ConventionDescription.Paging(type, null, null, "page", "size", firstPage, null, null, "page", null);
	}

	@Test
	void pageNumbersStartWhereTheDescriptionSaysAndTheNextIsWritten() {
		ConventionDialect fromZero = dialect(ConventionDescriptions.preset("spring-page-dto"));
		assertThat(fromZero.pageParameters(Pagination.PAGE_NUMBER, 25, 10))
			.isEqualTo(new Dialect.PageStart("page=2&size=10", 5));
		ConventionDialect fromOne = dialect(ConventionDescriptions.preset("nestjs-crud"));
		assertThat(fromOne.pageParameters(Pagination.PAGE_NUMBER, 25, 10))
			.isEqualTo(new Dialect.PageStart("page=3&limit=10", 5));
		assertThat(fromOne.pagination()).isEqualTo(Pagination.PAGE_NUMBER);

		PageResult<Long> first = read(fromZero,
				"{\"content\":[{\"id\":1},{\"id\":2}],\"page\":0,\"size\":2," + "\"totalElements\":5}",
				"http://x/books?page=0&size=2", new HttpHeaders());
		assertThat(first.next()).isEqualTo("http://x/books?page=1&size=2");
		assertThat(first.layout()).isEqualTo(new PageLayout(0L, Pagination.PAGE_NUMBER, 2));
		PageResult<Long> last = read(fromZero, "{\"content\":[{\"id\":5}],\"page\":2,\"size\":2,\"totalElements\":5}",
				"http://x/books?page=2&size=2", new HttpHeaders());
		assertThat(last.next()).isNull();
	}

	@Test
	void aCursorInTheBodyIsSentAsTheCursorParameterAndAPageSizeStartsTheWalk() {
		ConventionDialect cursor = dialect(ConventionDescriptions.paging(new ConventionDescription.Paging("cursor",
				null, null, null, "per_page", null, "starting_after", null, null, null), "meta.next_cursor"));
		assertThat(cursor.pageParameters(Pagination.CURSOR, 7, 3)).isEqualTo(new Dialect.PageStart("per_page=3", 7));
		PageResult<Long> page = read(cursor, "{\"data\":[{\"id\":1}],\"meta\":{\"next_cursor\":\"a/b=\"}}",
				"http://x/books?per_page=3", new HttpHeaders());
		assertThat(page.next()).isEqualTo("http://x/books?per_page=3&starting_after=a%2Fb%3D");
		PageResult<Long> end = read(cursor, "{\"data\":[{\"id\":1}],\"meta\":{\"next_cursor\":null}}",
				"http://x/books?per_page=3&starting_after=x", new HttpHeaders());
		assertThat(end.next()).isNull();
	}

	@Test
	void recordsUnderAnEnvelopeOfTheCollectionsNameAndTheNextPageInALinkHeader() {
		ConventionDialect hal = dialect(
				ConventionDescriptions.body("_embedded.*", "header:X-Total-Count", "header:Link"));
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Total-Count", "5");
		headers.add("Link", "<http://x/books?p=2>; rel=\"next\"");
		PageResult<Long> page = read(hal, "{\"_embedded\":{\"books\":[{\"id\":1},{\"id\":2}]}}", "http://x/books?p=1",
				headers);
		assertThat(page.records()).containsExactly(1L, 2L);
		assertThat(page.count()).isEqualTo(5L);
		assertThat(page.next()).isEqualTo("http://x/books?p=2");
	}

	@Test
	void orderingsAreRepeatedOrJoinedAndAParameterMayNameTheField() {
		List<String> ordering = List.of("-published", "title");
		assertThat(dialect(ConventionDescriptions
			.ordering(new ConventionDescription.Ordering("ordering", "{field}", "-{field}", ",")))
			.queryParameters(null, ordering)).isEqualTo("ordering=-published,title");
		assertThat(dialect(ConventionDescriptions
			.ordering(new ConventionDescription.Ordering("sort", "{field},asc", "{field},desc", null)))
			.queryParameters(null, ordering)).isEqualTo("sort=published%2Cdesc&sort=title%2Casc");
		assertThat(dialect(ConventionDescriptions
			.ordering(new ConventionDescription.Ordering("filter[order]", "{field} ASC", "{field} DESC", ",")))
			.queryParameters(null, ordering)).isEqualTo("filter%5Border%5D=published%20DESC,title%20ASC");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.preset("nestjs-crud")).queryParameters(null,
					List.of("author__name")))
			.withMessageContaining("'convention:nestjs-crud'");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> dialect(ConventionDescriptions.body("data", null, null)).queryParameters(null, ordering))
			.withMessageContaining(PROPERTY + ".ordering");
	}

	@Test
	void valuesOfAKindTheServerDoesNotCompareAreRefusedNamingTheProperty() {
		ConventionDialect nest = dialect(ConventionDescriptions.preset("nestjs-crud"));
		assertThat(nest.queryParameters(Q.of("genre__in", List.of("novel", "drama")), List.of()))
			.isEqualTo("filter=genre%7C%7C%24in%7C%7Cnovel,drama");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> nest.queryParameters(Q.of("published__gte", LocalDate.of(2000, 1, 1)), List.of()))
			.withMessageContaining("'convention:nestjs-crud'")
			.withMessageContaining(PROPERTY + ".filters.value-kinds");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> nest.queryParameters(Q.of("genre__in", List.of("a,b")), List.of()))
			.withMessageContaining("'a,b'");
		assertThat(nest.parameterName(Q.of("pages__gte", 1))).isEqualTo("filter=pages||$gte||");
	}

	@Test
	void aDescriptionLaidOverAPresetChangesOnlyWhatItSets() {
		ConventionDescription over = new ConventionDescription("feathers", null, null, null, null, null, "PATCH", null,
				Map.of("X-Tenant", "7"), ConventionDescription.Paging.EMPTY, ConventionDescription.Ordering.EMPTY,
				new ConventionDescription.Filters(Map.of("icontains", "{field}[$like]=%{value}%"), Map.of(), null,
						List.of()));
		ConventionDialect dialect = dialect(over);
		assertThat(dialect.replaceMethod()).isEqualTo(HttpMethod.PATCH);
		assertThat(dialect.requestHeaders()).containsExactly(Map.entry("X-Tenant", "7"));
		assertThat(dialect.queryParameters(Q.of("title__icontains", "x").and(Q.of("pages__gte", 3)), List.of("-pages")))
			.isEqualTo("title%5B%24like%5D=%25x%25&pages%5B%24gte%5D=3&%24sort%5Bpages%5D=-1");
	}

	private PageResult<Long> read(ConventionDialect dialect, String body, String url, HttpHeaders headers) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			return dialect.readPage(parser, (array) -> {
				List<Long> ids = new java.util.ArrayList<>();
				while (array.nextToken() != JsonToken.END_ARRAY) {
					JsonNode record = this.mapper.readerFor(JsonNode.class)
						.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
						.readValue(array);
					ids.add(record.get("id").asLong());
				}
				return ids;
			}, new PageContext(url, headers, new RecordType("/books", "id")));
		}
	}

}
