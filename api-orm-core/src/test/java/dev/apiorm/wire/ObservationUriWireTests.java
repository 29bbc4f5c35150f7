package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.core.observation.ApiExchangeContext;
import dev.apiorm.fixtures.User;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchanges name their URI template in WebClient's own observations (Boot's
 * {@code http.client.requests}), so that they are not tagged {@code uri=none}.
 */
class ObservationUriWireTests extends WireTestSupport {

	private final List<String> templates = new CopyOnWriteArrayList<>();

	private final List<String> exchanges = new CopyOnWriteArrayList<>();

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

			@Override
			public void onStop(ClientRequestObservationContext context) {
				ObservationUriWireTests.this.templates.add(context.getRequest().method().name() + " "
						+ context.getUriTemplate() + " " + context.getLowCardinalityKeyValue("uri").getValue());
			}

		});
		registry.observationConfig().observationHandler(new ObservationHandler<ApiExchangeContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ApiExchangeContext;
			}

			@Override
			public void onStop(ApiExchangeContext context) {
				ObservationUriWireTests.this.exchanges.add(context.getName() + " " + context.operation() + " "
						+ context.getLowCardinalityKeyValue("outcome").getValue());
			}

		});
		return builder.webClientBuilder(WebClient.builder().observationRegistry(registry))
			.observationRegistry(registry);
	}

	@Test
	void aCallTheCallerCancelsIsObservedAsCancelled() throws InterruptedException {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann")).withFixedDelay(5_000)));
		Disposable call = this.reactiveUsers.get(7L).subscribe();
		// Cancelled once the server holds the request, not before it was sent.
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (wire.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(wire.getAllServeEvents()).hasSize(1);
		call.dispose();
		assertThat(this.exchanges).containsExactly("api.orm.requests get CANCELLED");
	}

	@Test
	void listsAndRecordsAreObservedUnderTheirTemplates() {
		stub(get(urlPathEqualTo("/api/v1/users/"))
			.willReturn(okJson("{\"count\":1,\"next\":null,\"results\":[" + user(7, "Ann") + "]}")));
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann"))));
		stub(patch(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Anne"))));
		this.users.filter("name", "Ann").list();
		User ann = this.users.get(7L);
		this.users.save(ann, "name");
		assertThat(this.templates).containsExactly("GET /api/v1/users/ /api/v1/users/",
				"GET /api/v1/users/{id}/ /api/v1/users/{id}/", "PATCH /api/v1/users/{id}/ /api/v1/users/{id}/");
	}

}
