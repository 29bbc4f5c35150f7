package dev.apiorm.conformance.dialects;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.apiorm.ApiOrm;
import dev.apiorm.Pagination;
import dev.apiorm.conformance.NodeServer;
import dev.apiorm.dialect.jsonserver.JsonServerDialect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code json-server} dialect against a real json-server 0.17.4 from npm.
 */
class JsonServerIT extends AbstractDialectConformanceIT {

	private final NodeServer server = NodeServer.start("json-server", "json-server");

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Override
	protected ApiOrm connect() {
		return ApiOrm.builder().baseUrl(this.server.baseUrl()).dialect(JsonServerDialect.NAME).pageSize(4).build();
	}

	@Override
	protected String dialect() {
		return JsonServerDialect.NAME;
	}

	@Override
	protected Set<String> refused() {
		// _like ignores case; no null, no negation but _ne, no strict bound but of whole
		// numbers.
		return Set.of("contains", "exclude-gte", "or");
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/books/" + id);
	}

	@Test
	void pagesAskedForByNumberFollowTheServersLinkHeader() {
		try (ApiOrm byPage = ApiOrm.builder()
			.baseUrl(this.server.baseUrl())
			.dialect(JsonServerDialect.NAME)
			.pagination(Pagination.PAGE_NUMBER)
			.pageSize(4)
			.build()) {
			assertThat(byPage.repository(Book.class).all().orderBy("id").list()).extracting(Book::getId)
				.containsExactlyElementsOf(Dataset.ids((b) -> true, Comparator.comparing(Book::getId)));
			assertThat(byPage.repository(Book.class).orderBy("id").slice(9, 14).list()).extracting(Book::getId)
				.containsExactly(10L, 11L, 12L, 13L, 14L);
		}
	}

	@Test
	void dateBoundsAreComparedAsTheirIsoTextOnTheServer() {
		try (ApiOrm orm = connect()) {
			LocalDate from = LocalDate.of(1950, 1, 1);
			LocalDate to = LocalDate.of(1990, 12, 31);
			List<Long> between = Dataset.ids((b) -> !b.getPublished().isBefore(from) && !b.getPublished().isAfter(to),
					Comparator.comparing(Book::getId));
			assertThat(between).isNotEmpty()
				.hasSizeLessThan(Dataset.ids((b) -> true, Comparator.comparing(Book::getId)).size());
			assertThat(orm.repository(Book.class).filter("published__range", List.of(from, to)).orderBy("id").list())
				.extracting(Book::getId)
				.containsExactlyElementsOf(between);
			assertThat(orm.repository(Book.class).filter("published__gte", to).count()).isEqualTo(
					Dataset.ids((b) -> !b.getPublished().isBefore(to), Comparator.comparing(Book::getId)).size());
		}
	}

}
