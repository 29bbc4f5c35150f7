package dev.apiorm.wire;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.fixtures.User;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

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
		return builder.webClientBuilder(WebClient.builder().observationRegistry(registry));
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
