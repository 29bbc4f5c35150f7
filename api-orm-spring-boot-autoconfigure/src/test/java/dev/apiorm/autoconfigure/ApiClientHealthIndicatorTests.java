package dev.apiorm.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ReactiveApiOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The health of one client reused for its time to live: calls within it, and calls while
 * a check is in flight, share one request upstream; after it, the API is asked again; a
 * time to live of zero asks on every call.
 */
class ApiClientHealthIndicatorTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private final AtomicInteger probes = new AtomicInteger();

	private final List<Sinks.One<Integer>> answers = new ArrayList<>();

	private final ReactiveApiOperations operations = mock(ReactiveApiOperations.class);

	ApiClientHealthIndicatorTests() {
		given(this.operations.getSettings())
			.willReturn(ApiClientSettings.defaults("default", URI.create("https://api.example.com")));
		given(this.operations.probe("/health")).willReturn(Mono.defer(() -> {
			this.probes.incrementAndGet();
			Sinks.One<Integer> answer = Sinks.one();
			this.answers.add(answer);
			return answer.asMono();
		}));
	}

	@AfterEach
	void disposeClock() {
		this.clock.dispose();
	}

	private ApiClientHealthIndicator indicator(Duration ttl) {
		return new ApiClientHealthIndicator(this.operations, "/health", Duration.ofHours(1), ttl, this.clock);
	}

	private void answer(int status) {
		this.answers.get(this.answers.size() - 1).tryEmitValue(status);
	}

	@Test
	void callsWhileACheckIsInFlightShareIt() {
		ApiClientHealthIndicator indicator = indicator(Duration.ofSeconds(10));
		List<Health> results = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			indicator.health().subscribe(results::add);
		}
		assertThat(this.probes).hasValue(1);
		assertThat(results).isEmpty();

		answer(200);

		assertThat(results).hasSize(5).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
		assertThat(this.probes).hasValue(1);
	}

	@Test
	void aResultIsReusedForItsTimeToLiveThenTheApiIsAskedAgain() {
		ApiClientHealthIndicator indicator = indicator(Duration.ofSeconds(10));
		Mono<Health> first = indicator.health();
		first.subscribe();
		answer(200);
		this.clock.advanceTimeBy(Duration.ofSeconds(9));
		assertThat(indicator.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.UP);
		assertThat(this.probes).hasValue(1);

		this.clock.advanceTimeBy(Duration.ofSeconds(2));
		List<Health> later = new ArrayList<>();
		indicator.health().subscribe(later::add);
		assertThat(this.probes).hasValue(2);
		answer(503);

		assertThat(later).singleElement().satisfies((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "HTTP 503");
		});
	}

	@Test
	void aDownResultIsReusedLikeAnUpOne() {
		ApiClientHealthIndicator indicator = indicator(Duration.ofSeconds(10));
		indicator.health().subscribe();
		answer(500);

		assertThat(indicator.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.probes).hasValue(1);
	}

	@Test
	void aTimeToLiveOfZeroAsksTheApiOnEveryCall() {
		ApiClientHealthIndicator indicator = indicator(Duration.ZERO);
		indicator.health().subscribe();
		answer(200);
		List<Health> second = new ArrayList<>();
		indicator.health().subscribe(second::add);
		assertThat(this.probes).hasValue(2);
		answer(500);

		assertThat(second).singleElement().satisfies((health) -> assertThat(health.getStatus()).isEqualTo(Status.DOWN));
	}

}
