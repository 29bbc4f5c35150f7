package dev.apiorm.core;

import java.net.URI;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.drf.DrfDialect;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client's pipeline is composed from its settings: the retry always (it numbers the
 * attempts), the concurrency limit only with {@code max-concurrency}, the observation
 * only with a registry, and the application's policies in their stages.
 */
class ExchangeExecutorTests {

	private final Dialect dialect = new DrfDialect(JsonMapper.builder().build());

	private final ExchangePolicy call = stage(ExchangePolicy.Stage.CALL);

	private final ExchangePolicy attempt = stage(ExchangePolicy.Stage.ATTEMPT);

	private static ExchangePolicy stage(ExchangePolicy.Stage stage) {
		return new ExchangePolicy() {

			@Override
			public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
				return next.exchange(request);
			}

			@Override
			public Stage stage() {
				return stage;
			}

		};
	}

	private List<ExchangePolicy> pipeline(ApiClientSettings settings, ObservationRegistry registry) {
		ExchangeExecutor executor = new ExchangeExecutor(settings, WebClient.create(), this.dialect,
				new ResourceUrls(settings.baseUrl(), this.dialect), registry,
				new DefaultApiExchangeObservationConvention(), List.of(this.attempt, this.call));
		return executor.pipeline().policies();
	}

	@Test
	void aClientWithDefaultSettingsOnlyRetries() {
		ApiClientSettings settings = ApiClientSettings.defaults("default", URI.create("http://api.test/"));
		List<ExchangePolicy> pipeline = pipeline(settings, ObservationRegistry.NOOP);
		assertThat(pipeline).hasSize(3);
		assertThat(pipeline.get(0)).isSameAs(this.call);
		assertThat(pipeline.get(1)).isInstanceOf(RetryPolicy.class);
		assertThat(pipeline.get(2)).isSameAs(this.attempt);
	}

	@Test
	void aLimitAndARegistryAddTheirPoliciesInsideTheApplicationsAttemptPolicies() {
		ApiClientSettings defaults = ApiClientSettings.defaults("default", URI.create("http://api.test/"));
		ApiClientSettings settings = defaults
			.withOptions(defaults.options().withHttp(defaults.options().http().withMaxConcurrency(4)));
		List<ExchangePolicy> pipeline = pipeline(settings, ObservationRegistry.create());
		assertThat(pipeline).hasSize(5);
		assertThat(pipeline.get(0)).isSameAs(this.call);
		assertThat(pipeline.get(1)).isInstanceOf(RetryPolicy.class);
		assertThat(pipeline.get(2)).isSameAs(this.attempt);
		assertThat(pipeline.get(3)).isInstanceOf(ConcurrencyLimitPolicy.class);
		assertThat(pipeline.get(4)).isInstanceOf(ObservationPolicy.class);
	}

}
