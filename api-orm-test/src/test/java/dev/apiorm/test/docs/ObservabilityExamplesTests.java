package dev.apiorm.test.docs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiOrmClientCustomizer;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/observability.md}: one observation per request, where the
 * application's {@code WebClient.Builder} would observe each exchange a second time.
 */
@ApiOrmTest
class ObservabilityExamplesTests {

	@Autowired
	FakeApi api;

	private final List<String> observed = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	ObservabilityExamplesTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				ObservabilityExamplesTests.this.observed.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	/**
	 * The application's configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ObservabilityConfiguration {

		// tag::one-observation-per-request[]
		@Bean
		ApiOrmClientCustomizer oneObservationPerRequest() {
			// api.orm.requests observes each exchange; WebClient's http.client.requests
			// would observe it again
			return (clientName, builder) -> builder.observationRegistry(ObservationRegistry.NOOP);
		}
		// end::one-observation-per-request[]

	}

	/**
	 * A client built as Spring Boot builds one: its WebClient builder observes too.
	 */
	private ApiOrmBuilder asBootBuildsIt() {
		return ApiOrm.builder()
			.baseUrl(this.api.baseUrl())
			.observationRegistry(this.registry)
			.webClientBuilder(WebClient.builder().observationRegistry(this.registry));
	}

	@Test
	void withoutTheCustomizerEachExchangeIsObservedTwice() {
		this.api.seed(Article.class, List.of(new Article("One", "published", 1, "ann")));
		try (ApiOrm orm = asBootBuildsIt().build()) {
			orm.repository(Article.class).get(1);
		}
		assertThat(this.observed).containsExactlyInAnyOrder("api.orm.requests", "http.client.requests");
	}

	@Test
	void withTheCustomizerEachExchangeIsObservedOnce() {
		this.api.seed(Article.class, List.of(new Article("One", "published", 1, "ann")));
		try (ApiOrm orm = asBootBuildsIt().clientCustomizer(new ObservabilityConfiguration().oneObservationPerRequest())
			.build()) {
			orm.repository(Article.class).get(1);
		}
		assertThat(this.observed).containsExactly("api.orm.requests");
	}

}
