package dev.apiorm.conformance.conventions;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.conformance.NodeServer;
import dev.apiorm.conformance.dialects.AbstractDialectConformanceIT;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.exception.IgnoredFilterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Feathers 5 server of {@code conformance/feathers} ({@code /books}, paginated), read
 * and written by a convention described only in properties
 * ({@code conventions/nestjs-crud.yml}).
 */
class NestCrudConventionIT extends AbstractDialectConformanceIT {

	private final NodeServer server = NodeServer.start("nestjs-crud", "@nestjsx/crud");

	private @Nullable PropertiesClient client;

	@AfterAll
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		this.server.close();
	}

	@Override
	protected ApiOrm connect() {
		this.client = PropertiesClient.start("conventions/nestjs-crud.yml",
				"--api-orm.base-url=" + this.server.baseUrl(), "--api-orm.page-size=4");
		return this.client.orm();
	}

	@Override
	protected String dialect() {
		return "convention";
	}

	@Override
	protected Set<String> refused() {
		// $cont ignores case on SQLite and $eqL lowers only the field, so contains and
		// iexact have no template; a date is a 500 on sql.js; or= is not an OR of the
		// filters.
		return Set.of("contains", "iexact", "date-gte", "or");
	}

	@Test
	void aTemplateTheServerDoesNotHonourIsCaughtNotBelieved() {
		// $eqL compares LOWER(title) with the value as given: described as iexact, its
		// empty answer to an upper-case value is proven wrong by asking for a title the
		// server holds.
		try (PropertiesClient wrong = PropertiesClient.start("conventions/nestjs-crud.yml",
				"--api-orm.base-url=" + this.server.baseUrl(), "--api-orm.page-size=4",
				"--api-orm.convention.filters.lookups.iexact=filter={field}||$eqL||{value}")) {
			assertThatExceptionOfType(IgnoredFilterException.class)
				.isThrownBy(() -> wrong.orm().repository(Book.class).filter("title__iexact", "WAR AND PEACE").list())
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("filter=title||$eqL||"));
		}
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/books/" + id);
	}

}
