package dev.apiorm.conformance.dialects;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apiorm.ApiOrm;
import dev.apiorm.Q;
import dev.apiorm.conformance.NodeServer;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.exception.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code jsonapi} dialect against a real JSON:API service on jsonapi-server 4.2.0
 * from npm, whose filters put the operator in the value ({@code filter[pages]=>300}),
 * declared with lookup templates.
 */
class JsonApiIT extends AbstractDialectConformanceIT {

	private final NodeServer server = NodeServer.start("jsonapi-server", "jsonapi-server");

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Override
	protected ApiOrm connect() {
		JsonApiDialect dialect = new JsonApiDialect(JsonMapper.builder().build(), List.of("exact", "in"),
				JsonApiDialect.DEFAULT_LOOKUP_PARAMETER,
				Map.of("gt", "filter[{field}]=>{value}", "lt", "filter[{field}]=<{value}", "iexact",
						"filter[{field}]=~{value}", "icontains", "filter[{field}]=:{value}"));
		return ApiOrm.builder().baseUrl(this.server.baseUrl() + "/api").dialect(dialect).pageSize(4).build();
	}

	@Override
	protected String dialect() {
		return JsonApiDialect.NAME;
	}

	@Override
	protected Set<String> refused() {
		// The "and" case combines a gte.
		return Set.of("istartswith", "iendswith", "contains", "gte", "lte", "range", "date-gte", "exclude",
				"exclude-gte", "and", "or");
	}

	/**
	 * jsonapi-server 4 sorts by one attribute: it answers 403 to two.
	 */
	@Override
	protected Class<? extends Exception> orderingByTwoFieldsFailsWith() {
		return ForbiddenException.class;
	}

	@Test
	void conditionsTheServerBindsCombineWithAnd() {
		assertThat(books().filter(Q.of("pages__gt", 200).and(Q.of("genre__in", List.of("poetry", "drama"))))
			.orderBy("id")
			.list()).extracting(Book::getId)
			.containsExactlyElementsOf(
					DatasetAccess.ids((b) -> b.getPages() > 200 && List.of("poetry", "drama").contains(b.getGenre())));
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		JsonNode document = this.server.record("/api/books/" + id);
		if (document == null || !document.get("data").isObject()) {
			return null;
		}
		// The attributes, as the other servers hold a record.
		return ((ObjectNode) document.get("data").get("attributes")).put("id", id);
	}

	@Test
	void aLookupByFieldIsOneRecord() {
		assertThat(books().get("title__iexact", "WAR AND PEACE").getId()).isEqualTo(3L);
	}

	@Test
	void validationFailuresAreTheServers403() {
		// jsonapi-server answers them 403 with Joi's details instead of source pointers.
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> books().create(new Book(" ", 1, null, "novel", true)))
			.withMessageContaining("Param validation failed");
	}

}
