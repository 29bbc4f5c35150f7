package dev.apiorm.wire;

import java.util.List;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ApiHttpException;
import dev.apiorm.exception.InternalServerErrorException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A password in the base URL's user info never shows: not in the messages of HTTP errors,
 * transport failures or paging failures, nor in {@code ApiHttpException#url()}.
 */
class SecretsWireTests extends WireTestSupport {

	private static final String PASSWORD = "s3cret-pw";

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.baseUrl(wire.baseUrl().replace("://", "://user:" + PASSWORD + "@"));
	}

	@Test
	void anHttpErrorShowsTheUrlWithoutThePassword() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withStatus(500)));
		ApiHttpException error = catchThrowableOfType(InternalServerErrorException.class, () -> this.users.get(1));
		assertThat(error.url()).isEqualTo(wire.baseUrl() + "/api/v1/users/1/");
		assertThat(error.getMessage()).contains(wire.baseUrl() + "/api/v1/users/1/").doesNotContain(PASSWORD);
		assertThat(sent()).containsExactly("GET /api/v1/users/1/");
	}

	@Test
	void aTransportFailureShowsNoPassword() {
		try (ApiOrm closed = ApiOrm.builder().baseUrl("http://user:" + PASSWORD + "@127.0.0.1:1").build()) {
			assertThatExceptionOfType(ApiConnectionException.class)
				.isThrownBy(() -> closed.repository(User.class).get(1))
				.withMessageNotContaining(PASSWORD)
				.withMessageContaining("http://127.0.0.1:1/api/v1/users/1/");
		}
	}

	@Test
	void aPagingLoopShowsNoPassword() {
		String self = wire.baseUrl() + "/api/v1/users/?limit=2";
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(okJson(page(9L, self, user(1, "Ann")))));
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.all().list())
			.withMessageContaining("already read in this iteration")
			.withMessageNotContaining(PASSWORD);
		assertThat(sent()).isEqualTo(List.of("GET /api/v1/users/?limit=2"));
	}

}
