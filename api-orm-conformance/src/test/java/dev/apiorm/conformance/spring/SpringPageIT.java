package dev.apiorm.conformance.spring;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apiorm.ApiOrm;
import dev.apiorm.conformance.dialects.AbstractDialectConformanceIT;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.dialect.spring.SpringPageDialect;
import dev.apiorm.exception.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code spring-page} dialect against a real Spring MVC controller returning
 * {@code PagedModel}, which binds {@code field=value}, {@code pages_gte},
 * {@code pages_lte} and {@code title_icontains}.
 */
class SpringPageIT extends AbstractDialectConformanceIT {

	private final SpringBooksServer.Running server = SpringBooksServer.get();

	@Override
	protected ApiOrm connect() {
		return ApiOrm.builder()
			.baseUrl(this.server.baseUrl() + "/page")
			.dialect(new SpringPageDialect(JsonMapper.builder().build(),
					List.of("exact", "in", "gte", "lte", "icontains"), SpringPageDialect.DEFAULT_LOOKUP_PARAMETER))
			.pageSize(4)
			.build();
	}

	@Override
	protected String dialect() {
		return SpringPageDialect.NAME;
	}

	@Override
	protected Set<String> refused() {
		return Set.of("iexact", "istartswith", "iendswith", "contains", "gt", "lt", "exclude", "exclude-gte", "or");
	}

	/**
	 * Lookups are declared per dialect, not per field: the controller binds
	 * {@code pages_gte} but not {@code published_gte}, which it ignores.
	 */
	@Override
	protected Map<String, String> ignoredByTheServer() {
		return Map.of("date-gte", "published_gte");
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/page/books/" + id);
	}

	@Test
	void aLookupByFieldIsOneRecord() {
		assertThat(books().get("title", "Dune").getId()).isEqualTo(1L);
	}

	@Test
	void validationErrorsNameTheirFields() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> books().create(new Book(" ", 1, null, "novel", true)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).as(ex.getMessage()).containsKey("title"));
	}

	@Test
	void theServerCapsPagesAtThreeAndTheClientAdoptsTheCap() {
		// Asked for 4, the server serves 3 ("max-page-size").
		assertThat(this.server.record("/page/books?page=0&size=4").at("/page/size").asInt()).isEqualTo(3);
		assertThat(books().orderBy("id").slice(5, 13).list()).extracting(Book::getId)
			.containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
	}

}
