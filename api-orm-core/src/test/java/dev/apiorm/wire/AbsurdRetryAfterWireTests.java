package dev.apiorm.wire;

import java.time.Duration;
import java.util.Set;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.TooManyRequestsException;
import dev.apiorm.fixtures.User;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code Retry-After} values no server should send: each ends in the contract's behaviour
 * ("Resilience" in API.md), never a raw exception, a negative wait or a retry beyond the
 * cap. Three attempts, 10 ms backoff, a cap of 2 s.
 */
class AbsurdRetryAfterWireTests extends WireTestSupport {

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.retry(new ApiClientSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(100),
				Duration.ofSeconds(2), Set.of("GET"), null));
	}

	@Test
	void aDateInTheYear9999IsBeyondTheCapAndNotWaitedFor() {
		stub(get(urlEqualTo("/api/v1/users/1/"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")));
		long start = System.nanoTime();
		TooManyRequestsException failure = catchThrowableOfType(TooManyRequestsException.class,
				() -> this.users.get(1));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(failure.retryAfter())
			.hasValueSatisfying((wait) -> assertThat(wait).isGreaterThan(Duration.ofDays(365L * 7900)));
		assertThat(sent()).hasSize(1);
		servesTheNextRequest();
	}

	@Test
	void secondsTooLargeForALongAreBeyondTheCapAndNotRetriedAsIfAbsent() {
		stub(get(urlEqualTo("/api/v1/users/1/"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "99999999999999999999")));
		TooManyRequestsException failure = catchThrowableOfType(TooManyRequestsException.class,
				() -> this.users.get(1));
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(failure.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE));
		assertThat(sent()).hasSize(1);
		servesTheNextRequest();
	}

	@Test
	void aNegativeValueIsNoAdviceAndTheBackoffApplies() {
		stub(get(urlEqualTo("/api/v1/users/1/"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "-30")));
		long start = System.nanoTime();
		dev.apiorm.exception.ServiceUnavailableException failure = catchThrowableOfType(
				dev.apiorm.exception.ServiceUnavailableException.class, () -> this.users.get(1));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(failure.attempts()).isEqualTo(3);
		assertThat(failure.retryAfter()).isEmpty();
		assertThat(sent()).hasSize(3);
		servesTheNextRequest();
	}

	@Test
	void aFarFutureDateUnderAnUnboundedCapEndsAtTheDeadlineWithoutWaiting() {
		ApiClientSettings.Retry unbounded = new ApiClientSettings.Retry(3, Duration.ofMillis(10),
				Duration.ofMillis(100), Duration.ofSeconds(Long.MAX_VALUE / 2), Set.of("GET"), null);
		try (dev.apiorm.ApiOrm orm = dev.apiorm.ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.retry(unbounded)
			.deadline(Duration.ofSeconds(5))
			.build()) {
			stub(get(urlEqualTo("/api/v1/users/1/")).inScenario("far")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")));
			long start = System.nanoTime();
			ApiTimeoutException failure = catchThrowableOfType(ApiTimeoutException.class,
					() -> orm.repository(User.class).get(1));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			assertThat(failure).hasMessageContaining("deadline");
			assertThat(sent()).hasSize(1);
		}
	}

	private void servesTheNextRequest() {
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(okJson(user(2, "Bob"))));
		assertThat(this.users.get(2).getName()).isEqualTo("Bob");
	}

}
