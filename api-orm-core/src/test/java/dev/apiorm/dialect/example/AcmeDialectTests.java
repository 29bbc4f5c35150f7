package dev.apiorm.dialect.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apiorm.ApiOrm;
import dev.apiorm.Q;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.fixtures.User;
import dev.apiorm.wire.SentRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dialect of one's own that {@code docs/dialects.md} shows, plugged into a client.
 */
class AcmeDialectTests {

	@RegisterExtension
	static WireMockExtension wire = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aDialectOfOnesOwnIsPluggedIntoTheBuilderAndPagesThroughTheApi() {
		wire.stubFor(get(urlEqualTo("/api/v1/users/?role=admin&min_age=18&order_by=-age&skip=0&take=2"))
			.willReturn(okJson("{\"items\":[{\"id\":1,\"name\":\"Ann\",\"role\":\"admin\",\"age\":40},"
					+ "{\"id\":2,\"name\":\"Bob\",\"role\":\"admin\",\"age\":30}],\"total\":3}")));
		wire.stubFor(get(urlEqualTo("/api/v1/users/?role=admin&min_age=18&order_by=-age&skip=2&take=2"))
			.willReturn(okJson("{\"items\":[{\"id\":3,\"name\":\"Cy\",\"role\":\"admin\",\"age\":20}],\"total\":3}")));
		try (ApiOrm orm = ApiOrm.builder().baseUrl(wire.baseUrl()).dialect(new AcmeDialect()).pageSize(2).build()) {
			assertThat(orm.repository(User.class)
				.filter(Q.of("role", "admin").and(Q.of("age__gte", 18)))
				.orderBy("-age")
				.list()).extracting(User::getName).containsExactly("Ann", "Bob", "Cy");
			assertThatExceptionOfType(UnsupportedQueryException.class)
				.isThrownBy(() -> orm.repository(User.class).filter("age__lt", 18).list())
				.withMessageContaining("'acme'");
		}
		assertThat(SentRequests.of(wire)).containsExactly(
				"GET /api/v1/users/?role=admin&min_age=18&order_by=-age&skip=0&take=2",
				"GET /api/v1/users/?role=admin&min_age=18&order_by=-age&skip=2&take=2");
	}

	@Test
	void theDocumentationShowsThisDialectAsItIs() throws Exception {
		String source = Files.readString(Path.of("src/test/java/dev/apiorm/dialect/example/AcmeDialect.java"));
		String body = source.substring(source.indexOf("import "));
		assertThat(Files.readString(Path.of("..", "docs", "dialects.md"))).contains(body);
	}

}
