package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.core.ApiClientSettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces as micrometer-tracing builds them from the observations: the api-orm span is the
 * parent of WebClient's HTTP client span, both nest under the caller's observation (in
 * the Reactor context or, for the blocking face, in the calling thread), and every
 * attempt of a retried call is in the call's trace.
 */
class TracesNestWireTests extends WireTestSupport {

	private final SimpleTracer tracer = new SimpleTracer();

	private final ObservationRegistry registry = ObservationRegistry.create();

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, Propagator.NOOP),
					new DefaultTracingObservationHandler(this.tracer)));
		return builder.webClientBuilder(WebClient.builder().observationRegistry(this.registry))
			.observationRegistry(this.registry)
			// A cold first request must not spend an attempt on a timeout.
			.timeout(Duration.ofSeconds(10))
			.retry(new ApiClientSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2),
					Set.of("GET"), null));
	}

	private List<SimpleSpan> spans(String name) {
		return this.tracer.getSpans().stream().filter((span) -> span.getName().equals(name)).toList();
	}

	private List<SimpleSpan> apiOrmSpans() {
		return this.tracer.getSpans().stream().filter((span) -> span.getTags().containsKey("attempt")).toList();
	}

	private List<SimpleSpan> clientSpans() {
		return this.tracer.getSpans()
			.stream()
			.filter((span) -> span.getTags().containsKey("http.url") || span.getTags().containsKey("uri"))
			.toList();
	}

	@Test
	void theHttpClientSpanIsAChildOfTheApiOrmSpan() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann"))));
		this.users.get(7L);

		SimpleSpan apiOrm = apiOrmSpans().get(0);
		SimpleSpan client = clientSpans().get(0);
		assertThat(apiOrmSpans()).hasSize(1);
		assertThat(clientSpans()).hasSize(1);
		assertThat(client.getParentId()).isEqualTo(apiOrm.getSpanId());
		assertThat(client.getTraceId()).isEqualTo(apiOrm.getTraceId());
	}

	@Test
	void underTheCallersObservationBothNestBlockingAndReactive() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann"))));
		Observation blockingCaller = Observation.start("blocking.caller", this.registry);
		blockingCaller.scoped(() -> this.users.get(7L));
		blockingCaller.stop();
		Observation reactiveCaller = Observation.start("reactive.caller", this.registry);
		this.reactiveUsers.get(7L)
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, reactiveCaller))
			.block(Duration.ofSeconds(5));
		reactiveCaller.stop();

		List<SimpleSpan> apiOrm = apiOrmSpans();
		List<SimpleSpan> clients = clientSpans();
		assertThat(apiOrm).hasSize(2);
		assertThat(clients).hasSize(2);
		SimpleSpan blocking = spans("blocking.caller").get(0);
		SimpleSpan reactive = spans("reactive.caller").get(0);
		assertThat(apiOrm.get(0).getParentId()).isEqualTo(blocking.getSpanId());
		assertThat(apiOrm.get(1).getParentId()).isEqualTo(reactive.getSpanId());
		assertThat(clients.get(0).getParentId()).isEqualTo(apiOrm.get(0).getSpanId());
		assertThat(clients.get(1).getParentId()).isEqualTo(apiOrm.get(1).getSpanId());
		assertThat(apiOrm.get(0).getTraceId()).isEqualTo(blocking.getTraceId());
		assertThat(clients.get(1).getTraceId()).isEqualTo(reactive.getTraceId());
	}

	@Test
	void everyPageOfABlockingListNestsUnderTheCallersObservation() {
		stub(get(urlEqualTo("/api/v1/users/")).willReturn(okJson("{\"count\":3,\"next\":\"" + wire.baseUrl()
				+ "/api/v1/users/?limit=2&offset=2\",\"results\":[" + user(1, "Ann") + "," + user(2, "Bob") + "]}")));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2"))
			.willReturn(okJson("{\"count\":3,\"next\":null,\"results\":[" + user(3, "Cid") + "]}")));
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(okJson("{\"count\":3,\"next\":\"" + wire.baseUrl()
				+ "/api/v1/users/?limit=2&offset=2\",\"results\":[" + user(1, "Ann") + "," + user(2, "Bob") + "]}")));
		Observation caller = Observation.start("caller", this.registry);
		caller.scoped(() -> this.users.all().list());
		caller.stop();

		assertThat(sent()).hasSize(2);
		SimpleSpan parent = spans("caller").get(0);
		assertThat(apiOrmSpans()).hasSize(2)
			.allSatisfy((page) -> assertThat(page.getParentId()).isEqualTo(parent.getSpanId()));
	}

	private static void twice503ThenOk(String url) {
		stub(get(urlEqualTo(url)).inScenario(url)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("second"));
		stub(get(urlEqualTo(url)).inScenario(url)
			.whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("third"));
		stub(get(urlEqualTo(url)).inScenario(url).whenScenarioStateIs("third").willReturn(okJson(user(7, "Ann"))));
	}

	@Test
	void theAttemptsOfARetriedCallShareOneTraceWithoutAParent() {
		twice503ThenOk("/api/v1/users/7/");
		this.users.get(7L);

		assertThat(sent()).hasSize(3);
		assertThat(apiOrmSpans()).hasSize(3);
		assertThat(clientSpans()).hasSize(3);
		assertThat(this.tracer.getSpans()).extracting(SimpleSpan::getTraceId)
			.containsOnly(apiOrmSpans().get(0).getTraceId());
	}

	@Test
	void theAttemptsOfARetriedCallNestUnderTheCallersObservation() {
		twice503ThenOk("/api/v1/users/7/");
		Observation caller = Observation.start("caller", this.registry);
		caller.scoped(() -> this.users.get(7L));
		caller.stop();

		SimpleSpan parent = spans("caller").get(0);
		assertThat(apiOrmSpans()).hasSize(3).allSatisfy((attempt) -> {
			assertThat(attempt.getParentId()).isEqualTo(parent.getSpanId());
			assertThat(attempt.getTraceId()).isEqualTo(parent.getTraceId());
		});
		assertThat(clientSpans()).hasSize(3)
			.allSatisfy((client) -> assertThat(client.getTraceId()).isEqualTo(parent.getTraceId()));
	}

}
