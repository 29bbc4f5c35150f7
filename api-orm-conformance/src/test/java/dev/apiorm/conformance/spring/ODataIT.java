package dev.apiorm.conformance.spring;

import java.util.Set;

import dev.apiorm.ApiOrm;
import dev.apiorm.Q;
import dev.apiorm.conformance.dialects.AbstractDialectConformanceIT;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.dialect.odata.ODataDialect;
import dev.apiorm.exception.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code odata} dialect against a real OData v4 service on Apache Olingo 5.0.0, whose
 * updates are answered {@code 204 No Content}.
 */
class ODataIT extends AbstractDialectConformanceIT {

	private final SpringBooksServer.Running server = SpringBooksServer.get();

	@Override
	protected ApiOrm connect() {
		return ApiOrm.builder()
			.baseUrl(this.server.baseUrl() + "/odata")
			.dialect(ODataDialect.NAME)
			.pageSize(4)
			.build();
	}

	@Override
	protected String dialect() {
		return ODataDialect.NAME;
	}

	@Override
	protected Set<String> refused() {
		// OData expresses every lookup, OR and NOT included.
		return Set.of();
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/odata/books(" + id + ")");
	}

	@Test
	void negationsAndAlternativesNestAsTheyWereBuilt() {
		Q query = Q.of("genre", "novel").or(Q.of("pages__lt", 150)).and(Q.of("available", true).negate());
		assertThat(books().filter(query).orderBy("id").list()).extracting(Book::getId)
			.containsExactlyElementsOf(dev.apiorm.conformance.dialects.DatasetAccess
				.ids((b) -> (b.getGenre().equals("novel") || b.getPages() < 150) && !b.getAvailable()));
	}

	@Test
	void aLookupByFieldIsOneRecord() {
		assertThat(books().get("title__iexact", "war and peace").getId()).isEqualTo(3L);
	}

	@Test
	void validationErrorsNameTheirFields() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> books().create(new Book(" ", 1, null, "novel", true)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).as(ex.getMessage()).containsKey("title"));
	}

}
