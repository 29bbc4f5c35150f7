package dev.apiorm.core;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.observation.ApiExchangeContext;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One observation per attempt, tagged with its attempt and the status the request on the
 * wire recorded, ended before the caller hears the outcome, nested under the caller's
 * observation and above what the request observes.
 */
class ObservationPolicyTests {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final ObservationPolicy policy = new ObservationPolicy(this.registry,
			new DefaultApiExchangeObservationConvention());

	private final ExchangeRequest attempt = ExchangeRequest
		.builder(new ApiMappingContext().getRequiredEntity(User.class), "get", HttpMethod.GET,
				URI.create("http://api.test/api/v1/users/1/"))
		.client("billing")
		.attempt(2)
		.build();

	ObservationPolicyTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				ObservationPolicyTests.this.stopped.add(context);
			}

		});
	}

	/** The request on the wire: records the status as the executor does, then answers. */
	private static ExchangeChain wire(int status, Mono<ExchangeResponse> answer) {
		return (request) -> {
			ApiExchangeContext context = ObservationPolicy.context(request);
			if (context != null) {
				context.setStatus(status);
			}
			return answer;
		};
	}

	private String tag(String key) {
		return this.stopped.get(0).getLowCardinalityKeyValue(key).getValue();
	}

	@Test
	void eachAttemptIsOneObservationTaggedWithItsAttemptAndStatus() {
		this.policy.apply(this.attempt, wire(200, Mono.just(ExchangeResponse.of(200, new HttpHeaders(), "ok"))))
			.block();
		assertThat(this.stopped).hasSize(1);
		assertThat(this.stopped.get(0).getName()).isEqualTo("api.orm.requests");
		assertThat(tag("client")).isEqualTo("billing");
		assertThat(tag("model")).isEqualTo("User");
		assertThat(tag("operation")).isEqualTo("get");
		assertThat(tag("method")).isEqualTo("GET");
		assertThat(tag("attempt")).isEqualTo("2");
		assertThat(tag("status")).isEqualTo("200");
		assertThat(tag("outcome")).isEqualTo("SUCCESS");
	}

	@Test
	void aBodyThatFailsToDecodeKeepsItsStatusAndRecordsTheError() {
		ApiDecodeException undecodable = new ApiDecodeException("not a User", null);
		assertThatExceptionOfType(ApiDecodeException.class)
			.isThrownBy(() -> this.policy.apply(this.attempt, wire(200, Mono.error(undecodable))).block());
		assertThat(tag("status")).isEqualTo("200");
		assertThat(this.stopped.get(0).getError()).isSameAs(undecodable);
	}

	@Test
	void aFailureWithoutResponseIsAnIoErrorAndACancelledCallIsCancelled() {
		ExchangeChain refused = (request) -> Mono.error(new IllegalStateException("refused"));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.policy.apply(this.attempt, refused).block());
		Disposable cancelled = this.policy.apply(this.attempt, (request) -> Mono.never()).subscribe();
		cancelled.dispose();
		assertThat(this.stopped).extracting((context) -> context.getLowCardinalityKeyValue("status").getValue())
			.containsExactly("IO_ERROR", "CANCELLED");
	}

	@Test
	void theObservationEndsBeforeTheCallerHearsTheOutcome() {
		AtomicInteger stoppedWhenTold = new AtomicInteger(-1);
		this.policy.apply(this.attempt, wire(200, Mono.just(ExchangeResponse.of(200, new HttpHeaders(), "ok"))))
			.subscribe((response) -> stoppedWhenTold.set(this.stopped.size()));
		assertThat(stoppedWhenTold).hasValue(1);
	}

	@Test
	void itNestsUnderTheCallersObservationAndAboveTheRequests() {
		Observation caller = Observation.start("caller", this.registry);
		AtomicReference<Observation> current = new AtomicReference<>();
		ExchangeChain wire = (request) -> Mono.deferContextual((context) -> {
			current.set(context.get(ObservationThreadLocalAccessor.KEY));
			return Mono.just(ExchangeResponse.of(200, new HttpHeaders(), "ok"));
		});
		this.policy.apply(this.attempt, wire)
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, caller))
			.block();
		caller.stop();
		assertThat(current.get().getContext()).isInstanceOf(ApiExchangeContext.class);
		assertThat(current.get().getContextView().getParentObservation()).isSameAs(caller);
	}

	@Test
	void withoutListenersTheAttemptPassesUnobserved() {
		ObservationPolicy unobserved = new ObservationPolicy(ObservationRegistry.NOOP,
				new DefaultApiExchangeObservationConvention());
		AtomicReference<ExchangeRequest> passed = new AtomicReference<>();
		unobserved.apply(this.attempt, (request) -> {
			passed.set(request);
			return Mono.just(ExchangeResponse.of(200, new HttpHeaders(), null));
		}).block();
		assertThat(passed.get()).isSameAs(this.attempt);
		assertThat(ObservationPolicy.context(passed.get())).isNull();
	}

}
