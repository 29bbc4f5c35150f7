package dev.apiorm.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Policies are ordered by stage, the application's before the built-ins within each,
 * linked once, and each sees the request as the one before it passed it on.
 */
class ExchangePipelineTests {

	private final ExchangeRequest request = ExchangeRequest
		.builder(new ApiMappingContext().getRequiredEntity(User.class), "get", HttpMethod.GET,
				URI.create("http://api.test/users/1/"))
		.build();

	private final List<String> trail = new CopyOnWriteArrayList<>();

	private final List<ExchangeRequest> sent = new CopyOnWriteArrayList<>();

	private final ExchangeChain terminal = (request) -> {
		this.trail.add("wire");
		this.sent.add(request);
		return Mono.just(ExchangeResponse.of(200, new HttpHeaders(), "body"));
	};

	@Test
	void callPoliciesWrapAttemptPoliciesAndTheApplicationsComeBeforeTheBuiltIns() {
		Named userAttempt = new Named("user-attempt", ExchangePolicy.Stage.ATTEMPT);
		Named userCall = new Named("user-call", ExchangePolicy.Stage.CALL);
		Named userAttempt2 = new Named("user-attempt-2", ExchangePolicy.Stage.ATTEMPT);
		Named retry = new Named("retry", ExchangePolicy.Stage.CALL);
		Named limit = new Named("limit", ExchangePolicy.Stage.ATTEMPT);
		ExchangePipeline pipeline = ExchangePipeline.compose(List.of(userAttempt, userCall, userAttempt2),
				List.of(retry, limit), this.terminal);
		assertThat(pipeline.policies()).containsExactly(userCall, retry, userAttempt, userAttempt2, limit);
		assertThat(pipeline.exchange(this.request).block().body()).isEqualTo("body");
		assertThat(this.trail).containsExactly("user-call", "retry", "user-attempt", "user-attempt-2", "limit", "wire");
	}

	@Test
	void theChainIsLinkedOnceAndServesEveryCall() {
		List<ExchangeChain> nexts = new ArrayList<>();
		ExchangePolicy capture = (request, next) -> {
			nexts.add(next);
			return next.exchange(request);
		};
		ExchangePipeline pipeline = ExchangePipeline.compose(List.of(capture), List.of(), this.terminal);
		pipeline.exchange(this.request).block();
		pipeline.exchange(this.request).block();
		assertThat(nexts).hasSize(2);
		assertThat(nexts.get(1)).isSameAs(nexts.get(0));
	}

	@Test
	void aPolicyPassesOnTheRequestItChanged() {
		ExchangePolicy tenant = (request, next) -> next.exchange(request.mutate().header("X-Tenant", "acme").build());
		ExchangePipeline.compose(List.of(tenant), List.of(), this.terminal).exchange(this.request).block();
		assertThat(this.sent).singleElement()
			.satisfies((sent) -> assertThat(sent.headers().getFirst("X-Tenant")).isEqualTo("acme"));
		assertThat(this.request.headers().containsHeader("X-Tenant")).isFalse();
	}

	@Test
	void aPolicyMayAnswerWithoutCalling() {
		ExchangePolicy cached = new ExchangePolicy() {

			@Override
			public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
				return Mono.just(ExchangeResponse.of(200, new HttpHeaders(), "cached"));
			}

			@Override
			public Stage stage() {
				return Stage.CALL;
			}

		};
		ExchangePipeline pipeline = ExchangePipeline.compose(List.of(cached),
				List.of(new Named("retry", ExchangePolicy.Stage.CALL)), this.terminal);
		assertThat(pipeline.exchange(this.request).block().body()).isEqualTo("cached");
		assertThat(this.trail).isEmpty();
	}

	@Test
	void aPolicyThatReturnsNullFailsTheCallNamingIt() {
		ExchangePolicy broken = new ExchangePolicy() {

			@Override
			@SuppressWarnings("NullAway")
			public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
				return null;
			}

			@Override
			public String toString() {
				return "BrokenPolicy";
			}

		};
		ExchangePipeline pipeline = ExchangePipeline.compose(List.of(broken), List.of(), this.terminal);
		assertThatIllegalStateException().isThrownBy(() -> pipeline.exchange(this.request).block())
			.withMessageContaining("BrokenPolicy");
	}

	/** A policy that leaves its name in the trail and passes the request on. */
	private final class Named implements ExchangePolicy {

		private final String name;

		private final Stage stage;

		Named(String name, Stage stage) {
			this.name = name;
			this.stage = stage;
		}

		@Override
		public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
			ExchangePipelineTests.this.trail.add(this.name);
			return next.exchange(request);
		}

		@Override
		public Stage stage() {
			return this.stage;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
