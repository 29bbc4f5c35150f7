package dev.apiorm.conformance.conventions;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.conformance.NodeServer;
import dev.apiorm.conformance.dialects.AbstractDialectConformanceIT;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.conformance.dialects.DatasetAccess;
import dev.apiorm.exception.IgnoredFilterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Feathers 5 server of {@code conformance/feathers} ({@code /books}, paginated), read
 * and written by a convention described only in properties
 * ({@code conventions/feathers.yml}).
 */
class FeathersConventionIT extends AbstractDialectConformanceIT {

	private final NodeServer server = NodeServer.start("feathers", "@feathersjs/feathers");

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
		this.client = PropertiesClient.start("conventions/feathers.yml", "--api-orm.base-url=" + this.server.baseUrl(),
				"--api-orm.page-size=4");
		return this.client.orm();
	}

	@Override
	protected String dialect() {
		return "convention";
	}

	@Override
	protected Set<String> refused() {
		// Feathers compares text only as equal (its $regex needs a second parameter and
		// an escaped pattern); no OR as separate parameters.
		return Set.of("iexact", "icontains", "istartswith", "iendswith", "contains", "or");
	}

	@Test
	void aTemplateTheServerReadsAsAnotherFilterIsCaughtNotBelieved() {
		// Feathers reads an unknown parameter as an equality filter on a field no record
		// has: described as gte, pages_gte answers nothing, which is proven wrong.
		try (PropertiesClient wrong = PropertiesClient.start("conventions/feathers.yml",
				"--api-orm.base-url=" + this.server.baseUrl(), "--api-orm.page-size=4",
				"--api-orm.convention.filters.lookups.gte={field}_gte={value}")) {
			assertThatExceptionOfType(IgnoredFilterException.class)
				.isThrownBy(() -> wrong.orm().repository(Book.class).filter("pages__gte", 300).list())
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("pages_gte"));
			assertThatExceptionOfType(IgnoredFilterException.class)
				.isThrownBy(() -> wrong.orm().repository(Book.class).filter("pages__gte", 300).count())
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("pages_gte"));
		}
	}

	@Test
	void thePresetIsTheDescriptionOfTheFile() {
		try (PropertiesClient preset = PropertiesClient.start("conventions/feathers-preset.yml",
				"--api-orm.base-url=" + this.server.baseUrl(), "--api-orm.page-size=4")) {
			ApiRepository<Book> books = preset.orm().repository(Book.class);
			assertThat(books.filter("genre__in", List.of("novel", "drama"))
				.exclude("pages__gte", 400)
				.orderBy("-published")
				.slice(1, 6)
				.list())
				.extracting(Book::getId)
				.containsExactlyElementsOf(DatasetAccess
					.ids((b) -> List.of("novel", "drama").contains(b.getGenre()) && b.getPages() < 400,
							Comparator.comparing(Book::getPublished).reversed())
					.subList(1, 6));
		}
	}

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/books/" + id);
	}

}
