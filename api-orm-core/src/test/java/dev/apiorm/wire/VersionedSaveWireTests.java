package dev.apiorm.wire;

import java.time.Duration;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiRepository;
import dev.apiorm.fixtures.Revision;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model with {@code @Version} is new while its version is {@code null}, whatever its
 * id, as Spring Data decides: an application-assigned id is created, not replaced.
 */
class VersionedSaveWireTests extends WireTestSupport {

	/**
	 * A timeout that a cold JVM on a loaded machine does not reach: POSTs are not
	 * retried.
	 */
	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.timeout(Duration.ofSeconds(10));
	}

	@Test
	void anIdWithoutAVersionIsCreatedAndAVersionedRecordIsReplaced() {
		stub(post(urlEqualTo("/api/v1/revisions/"))
			.willReturn(okJson("{\"id\":5,\"version\":1,\"title\":\"draft\"}").withStatus(201)));
		stub(put(urlEqualTo("/api/v1/revisions/5/"))
			.willReturn(okJson("{\"id\":5,\"version\":2,\"title\":\"final\"}")));
		ApiRepository<Revision> revisions = this.orm.repository(Revision.class);
		Revision created = revisions.save(new Revision(5L, null, "draft"));
		assertThat(created.version()).isEqualTo(1L);
		Revision replaced = revisions.save(new Revision(5L, 1L, "final"));
		assertThat(replaced.version()).isEqualTo(2L);
		assertThat(sent()).containsExactly("POST /api/v1/revisions/ {\"id\":5,\"title\":\"draft\"}",
				"PUT /api/v1/revisions/5/ {\"id\":5,\"version\":1,\"title\":\"final\"}");
	}

}
