package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application's exchange policies on the wire: an attempt policy's header on every
 * attempt, a call policy once per call however many attempts it takes, a call policy that
 * answers without a request, and the headers api-orm adds visible to policies.
 */
class ExchangePolicyWireTests extends WireTestSupport {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger answeredFromPolicy = new AtomicInteger();

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		ExchangePolicy attemptHeader = (request, next) -> next
			.exchange(request.mutate().header("X-Attempt", String.valueOf(request.attempt())).build());
		ExchangePolicy callRecorder = new ExchangePolicy() {

			@Override
			public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
				ExchangePolicyWireTests.this.calls.add(request.operation() + " attempt " + request.attempt());
				if (request.url().getPath().endsWith("/users/99/")) {
					ExchangePolicyWireTests.this.answeredFromPolicy.incrementAndGet();
					return Mono.just(ExchangeResponse.of(200, new HttpHeaders(), new User("Kept", "kept@x.io")));
				}
				return next.exchange(request);
			}

			@Override
			public Stage stage() {
				return Stage.CALL;
			}

		};
		return builder.exchangePolicy(attemptHeader)
			.exchangePolicy(callRecorder)
			.defaultHeaders(Map.of("X-Attempt", "from-default-headers"))
			.retry(new ApiClientSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1),
					Set.of("GET"), "Idempotency-Key"));
	}

	@Test
	void anAttemptPolicysHeaderReachesTheServerOnEveryAttemptInsteadOfTheDefault() {
		stub(get(urlEqualTo("/api/v1/users/1/")).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("answered"));
		stub(get(urlEqualTo("/api/v1/users/1/")).inScenario("retry")
			.whenScenarioStateIs("answered")
			.willReturn(okJson(user(1, "Ann"))));
		assertThat(this.users.get(1).getName()).isEqualTo("Ann");
		List<List<String>> sent = wire.findAll(getRequestedFor(urlEqualTo("/api/v1/users/1/")))
			.stream()
			.map((LoggedRequest request) -> request.getHeaders().getHeader("X-Attempt").values())
			.toList();
		assertThat(sent).containsExactly(List.of("1"), List.of("2"));
		assertThat(this.calls).containsExactly("get attempt 0");
	}

	@Test
	void aCallPolicyRunsOnceAndSeesTheCallsLastFailure() {
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> this.users.get(2))
			.satisfies((failure) -> assertThat(failure.attempts()).isEqualTo(3));
		assertThat(sent()).containsExactly("GET /api/v1/users/2/", "GET /api/v1/users/2/", "GET /api/v1/users/2/");
		assertThat(this.calls).containsExactly("get attempt 0");
	}

	@Test
	void aCallPolicyCanAnswerWithoutARequest() {
		assertThat(this.users.get(99).getName()).isEqualTo("Kept");
		assertThat(this.reactiveUsers.get(99).map(User::getEmail).block()).isEqualTo("kept@x.io");
		assertThat(this.answeredFromPolicy).hasValue(2);
		assertThat(sent()).isEmpty();
	}

	@Test
	void policiesSeeTheHeadersApiOrmAddsAndTheirChangesAreSent() {
		List<String> seenKeys = new CopyOnWriteArrayList<>();
		ExchangePolicy keyReader = (request, next) -> {
			String key = request.headers().getFirst("Idempotency-Key");
			seenKeys.add(key);
			return next.exchange(request.mutate().header("X-Key-Seen", String.valueOf(key != null)).build());
		};
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.retry(new ApiClientSettings.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Set.of(),
					"Idempotency-Key"))
			.exchangePolicy(keyReader)
			.build()) {
			stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(user(5, "Ann")).withStatus(201)));
			orm.repository(User.class).create(new User("Ann", "ann@x.io"));
			LoggedRequest sent = wire.findAll(postRequestedFor(urlEqualTo("/api/v1/users/"))).get(0);
			assertThat(seenKeys).singleElement().isEqualTo(sent.getHeader("Idempotency-Key")).isNotNull();
			assertThat(sent.getHeader("X-Key-Seen")).isEqualTo("true");
		}
	}

}
