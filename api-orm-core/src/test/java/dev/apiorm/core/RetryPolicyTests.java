package dev.apiorm.core;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.InternalServerErrorException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The retry runs a call's attempts, numbered from 1: which failures it sends again, how
 * long it waits (the backoff, or a longer Retry-After up to its cap, never past the
 * deadline), and the attempts the last failure carries.
 */
class RetryPolicyTests {

	private static final ApiClientSettings.Retry THREE = new ApiClientSettings.Retry(3, Duration.ofMillis(10),
			Duration.ofMillis(100), Duration.ofSeconds(2), Set.of("GET", "HEAD", "PUT", "DELETE"), null);

	private final List<Integer> attempts = new CopyOnWriteArrayList<>();

	private ExchangeRequest call(HttpMethod method) {
		return ExchangeRequest
			.builder(new ApiMappingContext().getRequiredEntity(User.class), "get", method,
					URI.create("http://api.test/api/v1/users/1/"))
			.deadline(Duration.ofSeconds(30))
			.build();
	}

	/** The rest of the pipeline: the failure (or null for success) of each attempt. */
	private ExchangeChain answering(Function<Integer, ? extends Throwable> failureOfAttempt) {
		return (request) -> {
			this.attempts.add(request.attempt());
			Throwable failure = failureOfAttempt.apply(request.attempt());
			return (failure != null) ? Mono.error(failure)
					: Mono.just(ExchangeResponse.of(200, new HttpHeaders(), "attempt " + request.attempt()));
		};
	}

	private static ServiceUnavailableException unavailable(Duration retryAfter) {
		return new ServiceUnavailableException("503", 503, "", "GET", "/", retryAfter);
	}

	@Test
	void itIsTheBoundaryOfTheCallStage() {
		assertThat(new RetryPolicy(THREE).stage()).isEqualTo(ExchangePolicy.Stage.CALL);
	}

	@Test
	void aTransientFailureIsSentAgainAsTheNextAttempt() {
		ExchangeResponse response = new RetryPolicy(THREE)
			.apply(call(HttpMethod.GET), answering((attempt) -> (attempt == 1) ? unavailable(null) : null))
			.block();
		assertThat(response.body()).isEqualTo("attempt 2");
		assertThat(this.attempts).containsExactly(1, 2);
	}

	@Test
	void theLastAttemptsFailurePropagatesWithTheNumberOfAttempts() {
		ServiceUnavailableException failure = catchThrowableOfType(ServiceUnavailableException.class,
				() -> new RetryPolicy(THREE).apply(call(HttpMethod.GET), answering((attempt) -> unavailable(null)))
					.block());
		assertThat(failure.attempts()).isEqualTo(3);
		assertThat(this.attempts).containsExactly(1, 2, 3);
	}

	@Test
	void otherFailuresAreNotSentAgain() {
		InternalServerErrorException serverError = catchThrowableOfType(InternalServerErrorException.class,
				() -> new RetryPolicy(THREE)
					.apply(call(HttpMethod.GET),
							answering((attempt) -> new InternalServerErrorException("500", 500, "", "GET", "/")))
					.block());
		assertThat(serverError.attempts()).isEqualTo(1);
		IllegalStateException own = catchThrowableOfType(IllegalStateException.class,
				() -> new RetryPolicy(THREE)
					.apply(call(HttpMethod.GET), answering((attempt) -> new IllegalStateException("a policy's")))
					.block());
		assertThat(own).hasMessage("a policy's");
		assertThat(this.attempts).containsExactly(1, 1);
	}

	@Test
	void aPostIsSentAgainOnlyWithAnIdempotencyKeyUnlessItNeverLeft() {
		catchThrowableOfType(ServiceUnavailableException.class,
				() -> new RetryPolicy(THREE).apply(call(HttpMethod.POST), answering((attempt) -> unavailable(null)))
					.block());
		assertThat(this.attempts).containsExactly(1);
		this.attempts.clear();
		ApiClientSettings.Retry keyed = new ApiClientSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(100),
				Duration.ofSeconds(2), Set.of("GET"), "Idempotency-Key");
		catchThrowableOfType(ServiceUnavailableException.class,
				() -> new RetryPolicy(keyed).apply(call(HttpMethod.POST), answering((attempt) -> unavailable(null)))
					.block());
		assertThat(this.attempts).containsExactly(1, 2, 3);
		this.attempts.clear();
		ApiException refused = catchThrowableOfType(ApiConnectionException.class,
				() -> new RetryPolicy(THREE)
					.apply(call(HttpMethod.POST),
							answering((attempt) -> new ApiConnectionException("refused",
									new ConnectException("Connection refused"))))
					.block());
		assertThat(refused.attempts()).isEqualTo(3);
	}

	@Test
	void aRetryAfterLongerThanTheBackoffIsWaitedFor() {
		RetryPolicy retry = new RetryPolicy(THREE);
		StepVerifier
			.withVirtualTime(() -> retry.apply(call(HttpMethod.GET),
					answering((attempt) -> (attempt == 1)
							? new TooManyRequestsException("429", 429, "", "GET", "/", Duration.ofSeconds(1)) : null)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((response) -> assertThat(response.body()).isEqualTo("attempt 2"))
			.verifyComplete();
	}

	@Test
	void aRetryAfterBeyondItsCapIsNotWaitedFor() {
		TooManyRequestsException failure = catchThrowableOfType(TooManyRequestsException.class,
				() -> new RetryPolicy(THREE)
					.apply(call(HttpMethod.GET),
							answering((attempt) -> new TooManyRequestsException("429", 429, "", "GET", "/",
									Duration.ofSeconds(3))))
					.block());
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(this.attempts).containsExactly(1);
	}

	@Test
	void aWaitThatWouldEndAfterTheDeadlineEndsTheCallNamingTheDeadline() {
		ExchangeRequest call = call(HttpMethod.GET).mutate().deadline(Duration.ofMillis(500)).build();
		ApiTimeoutException failure = catchThrowableOfType(ApiTimeoutException.class,
				() -> new RetryPolicy(THREE).apply(call, answering((attempt) -> unavailable(Duration.ofSeconds(1))))
					.block(Duration.ofSeconds(5)));
		assertThat(failure).hasMessageContaining("deadline of PT0.5S").hasMessageContaining("api-orm.deadline");
		assertThat(failure.timeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(this.attempts).containsExactly(1);
	}

	@Test
	void withOneAttemptNothingIsSentAgain() {
		ApiClientSettings.Retry once = new ApiClientSettings.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
				Set.of("GET"), null);
		catchThrowableOfType(ServiceUnavailableException.class,
				() -> new RetryPolicy(once).apply(call(HttpMethod.GET), answering((attempt) -> unavailable(null)))
					.block());
		assertThat(this.attempts).containsExactly(1);
	}

	@Test
	void eachSubscriptionIsACallOfItsOwn() {
		Mono<ExchangeResponse> call = new RetryPolicy(THREE).apply(call(HttpMethod.GET),
				answering((attempt) -> (attempt == 1) ? unavailable(null) : null));
		call.block();
		call.block();
		assertThat(this.attempts).containsExactly(1, 2, 1, 2);
	}

}
