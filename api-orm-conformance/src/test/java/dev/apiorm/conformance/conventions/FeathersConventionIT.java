package dev.apiorm.conformance.conventions;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.conformance.NodeServer;
import dev.apiorm.conformance.dialects.AbstractDialectConformanceIT;

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

	@Override
	protected @Nullable JsonNode serverRecord(long id) {
		return this.server.record("/books/" + id);
	}

}
