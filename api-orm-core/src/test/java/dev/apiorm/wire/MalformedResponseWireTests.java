package dev.apiorm.wire;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.InternalServerErrorException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Responses that are not what they claim end in the right exception: a record that is
 * {@code null}, an error page larger than the body limit, and a collection that keeps
 * announcing pages beyond its own count.
 */
class MalformedResponseWireTests extends WireTestSupport {

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.maxResponseSize(1024);
	}

	@Test
	void aRecordThatIsJsonNullIsADecodeError() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson("null")));
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.get(1))
			.withMessageContaining("User get (GET " + wire.baseUrl() + "/api/v1/users/1/)")
			.withMessageContaining("null");
		assertThat(sent()).containsExactly("GET /api/v1/users/1/");
	}

	@Test
	void anErrorPageLargerThanTheBodyLimitKeepsItsStatus() {
		stub(get(urlEqualTo("/api/v1/users/1/"))
			.willReturn(aResponse().withStatus(500).withBody("<html>" + "x".repeat(10_000) + "</html>")));
		assertThatExceptionOfType(InternalServerErrorException.class).isThrownBy(() -> this.users.get(1))
			.satisfies((error) -> {
				assertThat(error.statusCode()).isEqualTo(500);
				assertThat(error.responseBody()).startsWith("<html>xxx").hasSizeLessThanOrEqualTo(4003);
			});
		assertThat(sent()).containsExactly("GET /api/v1/users/1/");
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(okJson(user(2, "Bob"))));
		assertThat(this.users.get(2)).extracting(User::getName).isEqualTo("Bob");
	}

	@Test
	void moreRecordsThanTheCountAnnouncesEndsTheIterationAfterThem() {
		// A count of 3, and a server whose next links never end: 2 + 2 records are read,
		// one more than the count, and the iteration stops instead of following on.
		for (int offset = 0; offset <= 8; offset += 2) {
			String next = wire.baseUrl() + "/api/v1/users/?limit=2&offset=" + (offset + 2);
			stub(get(urlEqualTo("/api/v1/users/?limit=2" + ((offset > 0) ? "&offset=" + offset : "")))
				.willReturn(okJson(page(3L, next, user(offset + 1, "A"), user(offset + 2, "B")))));
		}
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.all().list())
			.withMessageContaining("more records than the count of 3");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2");
	}

}
