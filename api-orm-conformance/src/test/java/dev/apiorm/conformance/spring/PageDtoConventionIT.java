package dev.apiorm.conformance.spring;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.conformance.conventions.PropertiesClient;
import dev.apiorm.conformance.dialects.AbstractDialectConformanceIT;

/**
 * The page DTO controller at {@code /dto/books} (spring-petclinic-rest's {@code {content,
 * page, size, totalElements, totalPages}}, {@code page} a number), read and written by
 * the {@code spring-page-dto} preset and the lookups the controller binds, described only
 * in properties ({@code conventions/spring-page-dto.yml}).
 */
class PageDtoConventionIT extends AbstractDialectConformanceIT {

	private final SpringBooksServer.Running server = SpringBooksServer.get();

	private @Nullable PropertiesClient client;

	@AfterAll
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Override
	protected ApiOrm connect() {
		this.client = PropertiesClient.start("conventions/spring-page-dto.yml",
				"--api-orm.base-url=" + this.server.baseUrl() + "/dto", "--api-orm.page-size=4");
		return this.client.orm();
	}

	@Override
	protected String dialect() {
		return "convention:spring-page-dto";
	}

	@Override
	protected Set<String> refused() {
		return Set.of("iexact", "istartswith", "iendswith", "contains", "gt", "lt", "exclude", "exclude-gte", "or");
	}

	/**
	 * Lookups are described per lookup, not per field: the controller binds
	 * {@code pages_gte} but not {@code published_gte}, which it ignores.
	 */
	@Override
	protected Map<String, String> ignoredByTheServer() {
		return Map.of("date-gte", "published_gte");
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/dto/books/" + id);
	}

}
