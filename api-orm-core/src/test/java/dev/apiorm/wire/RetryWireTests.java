package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.InternalServerErrorException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;
import dev.apiorm.fixtures.User;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Safe retries (API.md "Resilience"): which failures and methods are retried, how long
 * between attempts, Retry-After, idempotency keys, attempts() and one observation per
 * attempt. Backoffs are short here (10 ms doubling) so that time bounds stay tight.
 */
class RetryWireTests extends WireTestSupport {

	private final java.util.List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static ApiClientSettings.Retry retry(String idempotencyKeyHeader) {
		return new ApiClientSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(2),
				Set.of("GET", "HEAD", "PUT", "DELETE"), idempotencyKeyHeader);
	}

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				RetryWireTests.this.observed.add(context.getLowCardinalityKeyValue("attempt").getValue() + ":"
						+ context.getLowCardinalityKeyValue("status").getValue());
			}
		});
		return builder.retry(retry(null)).observationRegistry(registry);
	}

	/** Answers {@code first} to the first request of the URL, then {@code second}. */
	private static void firstThen(String url, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder second) {
		stub(get(urlEqualTo(url)).inScenario(url)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo("answered"));
		stub(get(urlEqualTo(url)).inScenario(url).whenScenarioStateIs("answered").willReturn(second));
	}

	@Test
	void aTransient503OnAGetIsRetriedAndEachAttemptIsObserved() {
		firstThen("/api/v1/users/1/", aResponse().withStatus(503), okJson(user(1, "Ann")));
		assertThat(this.users.get(1).getName()).isEqualTo("Ann");
		assertThat(sent()).containsExactly("GET /api/v1/users/1/", "GET /api/v1/users/1/");
		assertThat(this.observed).containsExactly("1:503", "2:200");
	}

	@Test
	void aConnectionResetOnAGetIsRetried() {
		firstThen("/api/v1/users/1/", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(user(1, "Ann")));
		assertThat(this.users.get(1).getName()).isEqualTo("Ann");
		assertThat(sent()).hasSize(2);
	}

	@Test
	void theLastAttemptsFailurePropagatesWithItsAttempts() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withStatus(503)));
		long start = System.nanoTime();
		ServiceUnavailableException failure = catchThrowableOfType(ServiceUnavailableException.class,
				() -> this.users.get(1));
		assertThat(failure.attempts()).isEqualTo(3);
		// Two waits of at most 10 and 20 ms.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		assertThat(sent()).hasSize(3);
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(okJson(user(2, "Bob"))));
		assertThat(this.users.get(2).getName()).isEqualTo("Bob");
	}

	@Test
	void retryAfterIsWaitedForUpToItsCap() {
		firstThen("/api/v1/users/1/", aResponse().withStatus(429).withHeader("Retry-After", "1"),
				okJson(user(1, "Ann")));
		long start = System.nanoTime();
		assertThat(this.users.get(1).getName()).isEqualTo("Ann");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(990),
				Duration.ofMillis(2500));
		assertThat(sent()).hasSize(2);
	}

	@Test
	void aRetryAfterBeyondTheCapIsNotWaitedFor() {
		stub(get(urlEqualTo("/api/v1/users/1/"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
		long start = System.nanoTime();
		TooManyRequestsException failure = catchThrowableOfType(TooManyRequestsException.class,
				() -> this.users.get(1));
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
		assertThat(sent()).hasSize(1);
	}

	@Test
	void otherStatusesAreNeverRetried() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withStatus(500)));
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(aResponse().withStatus(400).withBody("{}")));
		assertThat(catchThrowableOfType(InternalServerErrorException.class, () -> this.users.get(1)).attempts())
			.isEqualTo(1);
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.users.get(2));
		assertThat(sent()).containsExactly("GET /api/v1/users/1/", "GET /api/v1/users/2/");
	}

	@Test
	void postAndPatchAreNotRepeatedWithoutAnIdempotencyKey() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(aResponse().withStatus(503)));
		stub(patch(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> this.users.create(new User("Ann", "ann@x.io")));
		User ann = new User("Ann", "ann@x.io");
		ann.setId(1L);
		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> this.users.save(ann, "email"));
		assertThat(sent()).hasSize(2);
	}

	@Test
	void withAnIdempotencyKeyAPostIsRetriedWithTheSameKey() {
		try (ApiOrm keyed = ApiOrm.builder().baseUrl(wire.baseUrl()).retry(retry("Idempotency-Key")).build()) {
			stub(post(urlEqualTo("/api/v1/users/")).inScenario("create")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("answered"));
			stub(post(urlEqualTo("/api/v1/users/")).inScenario("create")
				.whenScenarioStateIs("answered")
				.willReturn(okJson(user(5, "Ann")).withStatus(201)));
			assertThat(keyed.repository(User.class).create(new User("Ann", "ann@x.io")).getId()).isEqualTo(5);
			List<String> keys = wire.findAll(postRequestedFor(urlEqualTo("/api/v1/users/")))
				.stream()
				.map((LoggedRequest request) -> request.getHeader("Idempotency-Key"))
				.toList();
			assertThat(keys).hasSize(2).doesNotContainNull().containsOnly(keys.get(0));
			assertThat(java.util.UUID.fromString(keys.get(0))).isNotNull();
		}
	}

	@Test
	void eachLogicalCreateHasItsOwnKey() {
		try (ApiOrm keyed = ApiOrm.builder().baseUrl(wire.baseUrl()).retry(retry("Idempotency-Key")).build()) {
			stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(user(5, "Ann")).withStatus(201)));
			keyed.repository(User.class).create(new User("Ann", "ann@x.io"));
			keyed.repository(User.class).create(new User("Bob", "bob@x.io"));
			List<String> keys = wire.findAll(postRequestedFor(urlEqualTo("/api/v1/users/")))
				.stream()
				.map((LoggedRequest request) -> request.getHeader("Idempotency-Key"))
				.toList();
			assertThat(keys).hasSize(2).doesNotHaveDuplicates();
		}
	}

	@Test
	void aRefusedConnectionIsRetriedForAnyMethodAndEndsWithItsAttempts() {
		try (ApiOrm closed = ApiOrm.builder().baseUrl("http://127.0.0.1:1").retry(retry(null)).build()) {
			ApiConnectionException failure = catchThrowableOfType(ApiConnectionException.class,
					() -> closed.repository(User.class).create(new User("Ann", "ann@x.io")));
			assertThat(failure.attempts()).isEqualTo(3);
		}
	}

}
