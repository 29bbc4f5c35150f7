package dev.apiorm.wire;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apiorm.ApiOrm;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.fixtures.User;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every request of a client carries (User-Agent, default headers, what customizers
 * add), and the configured WebClient a client hands out for calls the ORM does not model.
 */
class ClientWireTests extends WireTestSupport {

	@Test
	void requestsCarryTheUserAgentDefaultHeadersAndWhatCustomizersAdd() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.defaultHeaders(Map.of("X-Tenant", "acme"))
			.userAgent("shop/1.2")
			.clientCustomizer((client, builder) -> builder.defaultHeader("X-Client", client))
			.build()) {
			orm.repository(User.class).get(1);
		}
		var request = wire.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("User-Agent")).isEqualTo("shop/1.2");
		assertThat(request.getHeader("X-Tenant")).isEqualTo("acme");
		assertThat(request.getHeader("X-Client")).isEqualTo("default");
	}

	@Test
	void theDefaultUserAgentNamesApiOrm() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		this.users.get(1);
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("User-Agent")).isEqualTo("api-orm");
	}

	@Test
	void theConfiguredWebClientHasTheBaseUrlAndToken() {
		stub(get(urlEqualTo("/api/v1/stats/")).willReturn(okJson("{\"users\":3}")));
		String body = this.orm.webClient("default")
			.get()
			.uri("/api/v1/stats/")
			.retrieve()
			.bodyToMono(String.class)
			.block(java.time.Duration.ofSeconds(5));
		assertThat(body).isEqualTo("{\"users\":3}");
		assertThat(sent()).containsExactly("GET /api/v1/stats/");
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Token " + TOKEN);
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.orm.webClient("billing"))
			.withMessageContaining("'billing'");
	}

	@Test
	void compressionAsksForGzipAndReadsIt() throws java.io.IOException {
		java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
			out.write(user(1, "Ann").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withHeader("Content-Type", "application/json")
			.withHeader("Content-Encoding", "gzip")
			.withBody(gzipped.toByteArray())));
		try (ApiOrm orm = ApiOrm.builder().baseUrl(wire.baseUrl()).compression(true).build()) {
			assertThat(orm.repository(User.class).get(1).getName()).isEqualTo("Ann");
		}
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("Accept-Encoding")).contains("gzip");
	}

	@Test
	void aRedirectWithinTheOriginIsFollowedWithTheToken() {
		stub(get(urlEqualTo("/api/v1/users/1/"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.permanentRedirect("/api/v2/users/1/")));
		stub(get(urlEqualTo("/api/v2/users/1/")).willReturn(okJson(user(1, "Ann"))));
		assertThat(this.users.get(1).getName()).isEqualTo("Ann");
		assertThat(sent()).containsExactly("GET /api/v1/users/1/", "GET /api/v2/users/1/");
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Token " + TOKEN);
	}

	@Test
	void aRedirectElsewhereOrWithRedirectsNeverIsNotFollowed() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
			.withStatus(307)
			.withHeader("Location", "http://evil.example/steal")));
		assertThatExceptionOfType(dev.apiorm.exception.ApiHttpException.class).isThrownBy(() -> this.users.get(1))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(307));
		stub(get(urlEqualTo("/api/v1/users/2/"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.permanentRedirect("/api/v2/users/2/")));
		try (ApiOrm never = ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.redirects(dev.apiorm.core.ApiClientSettings.Redirects.NEVER)
			.build()) {
			assertThatExceptionOfType(dev.apiorm.exception.ApiHttpException.class)
				.isThrownBy(() -> never.repository(User.class).get(2))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(301));
		}
		assertThat(sent()).containsExactly("GET /api/v1/users/1/", "GET /api/v1/users/2/");
	}

	@Test
	void aWrongHeaderIsAConfigurationErrorNamingTheProperty() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiOrm.builder().baseUrl(wire.baseUrl()).defaultHeaders(Map.of("X Bad", "v")).build())
			.withMessageContaining("api-orm.default-headers");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiOrm.builder()
				.baseUrl(wire.baseUrl())
				.defaultHeaders(Map.of("X-Ok", "a\r\nX-Injected: b"))
				.build())
			.withMessageContaining("api-orm.default-headers.X-Ok")
			.withMessageNotContaining("X-Injected");
	}

}
