package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ApiHttpException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.BadGatewayException;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.ConflictException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.ForbiddenException;
import dev.apiorm.exception.GatewayTimeoutException;
import dev.apiorm.exception.InternalServerErrorException;
import dev.apiorm.exception.NotFoundException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;
import dev.apiorm.exception.UnauthorizedException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every kind of failure the API or the network can produce, mapped to the exception
 * hierarchy; and the token's confinement to the base URL's origin.
 */
class ErrorWireTests extends WireTestSupport {

	/**
	 * One attempt per call: these tests are about how each failure is reported; retries
	 * have RetryWireTests.
	 */
	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.retry(NO_RETRY);
	}

	@ParameterizedTest
	@CsvSource({ "401, dev.apiorm.exception.UnauthorizedException", "403, dev.apiorm.exception.ForbiddenException",
			"404, dev.apiorm.exception.NotFoundException", "409, dev.apiorm.exception.ConflictException",
			"412, dev.apiorm.exception.PreconditionFailedException", "418, dev.apiorm.exception.ApiClientException",
			"500, dev.apiorm.exception.InternalServerErrorException", "502, dev.apiorm.exception.BadGatewayException",
			"503, dev.apiorm.exception.ServiceUnavailableException",
			"504, dev.apiorm.exception.GatewayTimeoutException", "507, dev.apiorm.exception.ApiServerException" })
	void statusesMapToTheHierarchy(int status, Class<? extends ApiHttpException> type) {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Nope.\"}")));
		Throwable thrown = catchThrowable(() -> this.users.filter("role", "x").list());
		assertThat(thrown).isExactlyInstanceOf(type);
		ApiHttpException http = (ApiHttpException) thrown;
		assertThat(http.statusCode()).isEqualTo(status);
		assertThat(http.method()).isEqualTo("GET");
		assertThat(http.url()).endsWith("/api/v1/users/?role=x&limit=2");
		assertThat(http.responseBody()).isEqualTo("{\"detail\":\"Nope.\"}");
		assertThat(http.getMessage()).contains("User list").contains("Nope.").doesNotContain(TOKEN);
	}

	@Test
	void missingRecordByIdIsDoesNotExistNotNotFound() {
		stub(get(urlEqualTo("/api/v1/users/5/")).willReturn(aResponse().withStatus(404)));
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> this.users.get(5))
			.isNotInstanceOf(NotFoundException.class)
			.withMessageContaining("User");
	}

	@Test
	void badRequestCarriesDrfFieldErrorsAndNonFieldErrors() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"email\":[\"Enter a valid email address.\"],\"non_field_errors\":[\"Bad pair.\"],"
					+ "\"address\":{\"city\":[\"Required.\"]}}")));
		BadRequestException failure = org.junit.jupiter.api.Assertions.assertThrows(BadRequestException.class,
				() -> this.users.create(new User("Ann", "ann@x.io")));
		assertThat(failure.fieldErrors()).containsEntry("email", List.of("Enter a valid email address."))
			.containsEntry("non_field_errors", List.of("Bad pair."))
			.containsEntry("address.city", List.of("Required."));
		assertThat(failure.statusCode()).isEqualTo(400);
	}

	@Test
	void tooManyRequestsAndServiceUnavailableCarryRetryAfter() {
		stub(get(urlEqualTo("/api/v1/users/1/"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
		stub(get(urlEqualTo("/api/v1/users/2/"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.users.get(1))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(7)));
		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> this.users.get(2))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(30)));
	}

	@Test
	void htmlErrorPageIsMappedByStatusWithTheBodyKept() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
		assertThatExceptionOfType(BadGatewayException.class).isThrownBy(() -> this.users.get(1))
			.satisfies((ex) -> assertThat(ex.responseBody()).contains("<h1>502 Bad Gateway</h1>"));
	}

	@Test
	void malformedJsonIsADecodeError() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson("{\"id\": 1, \"name\": ")));
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson("{\"count\": 1, \"results\": [{\"id\": ")));
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.get(1))
			.withMessageContaining("User");
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.all().list());
	}

	@Test
	void bodyOfTheWrongShapeIsADecodeError() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson("{\"id\": \"not-a-number\"}")));
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson("{\"count\": 1, \"items\": []}")));
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.get(1));
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.all().list())
			.withMessageContaining("results");
	}

	@Test
	void connectionResetIsAConnectionError() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(ApiConnectionException.class).isThrownBy(() -> this.users.get(1))
			.withMessageContaining("User get");
	}

	@Test
	void closedPortIsAConnectionError() {
		try (var orm = dev.apiorm.ApiOrm.builder().baseUrl("http://127.0.0.1:1").build()) {
			assertThatExceptionOfType(ApiConnectionException.class).isThrownBy(() -> orm.repository(User.class).get(1));
		}
	}

	@Test
	void slowResponsePastTheTimeoutIsATimeout() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann")).withFixedDelay(2500)));
		long start = System.nanoTime();
		assertThatExceptionOfType(ApiTimeoutException.class).isThrownBy(() -> this.users.get(1))
			.satisfies((ex) -> assertThat(ex.timeout()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2400));
	}

	@Test
	void nextLinkToAnotherHostIsNotFollowedAndTheRecordsBeforeItAreDelivered() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(okJson(page(4L, "http://evil.example:" + wire.getPort() + "/api/v1/users/?limit=2&offset=2",
					user(1, "Ann"), user(2, "Bob")))));
		List<String> delivered = new java.util.ArrayList<>();
		Throwable thrown = catchThrowable(() -> this.users.all().forEach((user) -> delivered.add(user.getName())));
		assertThat(delivered).containsExactly("Ann", "Bob");
		assertThat(thrown).isInstanceOf(ApiDecodeException.class)
			.hasMessageContaining("evil.example")
			.hasMessageContaining("not followed");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2");
	}

	@Test
	void tokenIsSentOnlyToTheBaseUrlsOrigin() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		this.users.get(1);
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Token " + TOKEN);
		// The same server under another origin name (localhost vs 127.0.0.1) gets no
		// token.
		String otherOrigin = wire.baseUrl().contains("localhost") ? wire.baseUrl().replace("localhost", "127.0.0.1")
				: wire.baseUrl().replace("127.0.0.1", "localhost");
		var authorization = dev.apiorm.core.ApiWebClientFactory.create(
				org.springframework.web.reactive.function.client.WebClient.builder(),
				dev.apiorm.ApiOrm.builder().baseUrl(wire.baseUrl()).token(TOKEN).authScheme("Token").defaultSettings());
		try {
			authorization.webClient().get().uri(otherOrigin + "/api/v1/users/1/").retrieve().toBodilessEntity().block();
		}
		finally {
			authorization.dispose().block();
		}
		assertThat(wire.getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
	}

	@Test
	void oversizedBodyIsADecodeErrorNotAnOutOfMemoryError() {
		try (var small = dev.apiorm.ApiOrm.builder().baseUrl(wire.baseUrl()).maxResponseSize(64).build()) {
			stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann".repeat(100)))));
			assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> small.repository(User.class).get(1))
				.withMessageContaining("max-response-size");
		}
	}

	@Test
	void blockingCallOnAnEventLoopThreadFailsAtOnce() {
		Object thrown = Mono.fromCallable(() -> (Object) this.users.count())
			.subscribeOn(Schedulers.parallel())
			.onErrorResume(Mono::just)
			.block();
		assertThat(thrown).isInstanceOf(ConfigurationException.class).asString().contains("ReactiveApiRepository");
		assertThat(sent()).isEmpty();
	}

	@Test
	void messagesNeverContainTheToken() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(aResponse().withStatus(409)));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.users.create(new User("Ann", "ann@x.io")))
			.satisfies((ex) -> assertThat(ex.getMessage() + ex.responseBody()).doesNotContain(TOKEN));
		assertThatExceptionOfType(UnauthorizedException.class).isThrownBy(() -> {
			stub(get(urlEqualTo("/api/v1/users/3/")).willReturn(aResponse().withStatus(401)));
			this.users.get(3);
		}).satisfies((ex) -> assertThat(ex.toString()).doesNotContain(TOKEN));
		assertThat(new ForbiddenException("m", 403, "", "GET", "u")).isInstanceOf(ApiHttpException.class);
		assertThat(new InternalServerErrorException("m", 500, "", "GET", "u").statusCode()).isEqualTo(500);
		assertThat(new GatewayTimeoutException("m", 504, "", "GET", "u").statusCode()).isEqualTo(504);
	}

}
