package dev.apiorm.test.docs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import org.springframework.context.annotation.Bean;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiOrmClientCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authentication schemes of {@code docs/authentication.md}, each seen by an upstream
 * in the test that records the headers of every request: what reaches the API is exactly
 * the header the page promises.
 */
class AuthenticationExamplesTests {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private DisposableServer upstream;

	@BeforeEach
	void startUpstream() {
		this.upstream = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/oauth/token", (request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((form) -> {
						this.requests.add("POST /oauth/token " + form + " authorization="
								+ request.requestHeaders().get("Authorization"));
						return response.header("Content-Type", "application/json")
							.sendString(Mono
								.just("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"))
							.then();
					}))
				.get("/api/v1/articles/{id}/", (request, response) -> {
					this.requests
						.add("GET " + request.uri() + " authorization=" + request.requestHeaders().get("Authorization")
								+ " x-api-key=" + request.requestHeaders().get("X-Api-Key"));
					return response.header("Content-Type", "application/json")
						.sendString(Mono.just("{\"id\":" + request.param("id") + ",\"title\":\"Hello\"}"));
				}))
			.bindNow();
	}

	@AfterEach
	void stopUpstream() {
		this.upstream.disposeNow();
	}

	@Test
	void bearerIsTheDefaultScheme() {
		read((builder) -> builder.token("t0ken"));
		assertThat(this.requests).containsExactly("GET /api/v1/articles/1/ authorization=Bearer t0ken x-api-key=null");
	}

	@Test
	void drfTokenAuthenticationIsTheTokenScheme() {
		read((builder) -> builder.authScheme("Token").token("t0ken"));
		assertThat(this.requests).containsExactly("GET /api/v1/articles/1/ authorization=Token t0ken x-api-key=null");
	}

	@Test
	void basicAuthenticationIsTheBase64OfUserColonPassword() {
		String credentials = Base64.getEncoder().encodeToString("ann:s3cret".getBytes(StandardCharsets.UTF_8));
		read((builder) -> builder.authScheme("Basic").token(credentials));
		assertThat(this.requests)
			.containsExactly("GET /api/v1/articles/1/ authorization=Basic YW5uOnMzY3JldA== x-api-key=null");
	}

	@Test
	void anApiKeyHeaderIsADefaultHeader() {
		read((builder) -> builder.defaultHeaders(Map.of("X-Api-Key", "k3y")));
		assertThat(this.requests).containsExactly("GET /api/v1/articles/1/ authorization=null x-api-key=k3y");
	}

	@Test
	void oauth2ClientCredentialsThroughTheCustomizerFetchTheTokenOnceForEveryRequest() {
		ClientRegistration registration = ClientRegistration.withRegistrationId("articles-api")
			.clientId("orm")
			.clientSecret("s3cret")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(baseUrl() + "/oauth/token")
			.build();
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		ReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
		try (ApiOrm orm = ApiOrm.builder().baseUrl(baseUrl()).clientCustomizer(oauth2(manager)).build()) {
			orm.repository(Article.class).get(1);
			orm.repository(Article.class).get(2);
		}
		assertThat(this.requests).containsExactly(
				"POST /oauth/token grant_type=client_credentials authorization=Basic b3JtOnMzY3JldA==",
				"GET /api/v1/articles/1/ authorization=Bearer at-1 x-api-key=null",
				"GET /api/v1/articles/2/ authorization=Bearer at-1 x-api-key=null");
	}

	// tag::oauth-client[]
	@Bean
	ApiOrmClientCustomizer oauth2(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
		return (clientName, builder) -> {
			ServerOAuth2AuthorizedClientExchangeFilterFunction oauth2 = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
					authorizedClients);
			oauth2.setDefaultClientRegistrationId("articles-api"); // spring.security.oauth2.client.registration.articles-api.*
			builder.filter(oauth2);
		};
	}
	// end::oauth-client[]

	private void read(Consumer<ApiOrmBuilder> authentication) {
		ApiOrmBuilder builder = ApiOrm.builder().baseUrl(baseUrl());
		authentication.accept(builder);
		try (ApiOrm orm = builder.build()) {
			assertThat(orm.repository(Article.class).get(1).getTitle()).isEqualTo("Hello");
		}
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.upstream.port();
	}

}
