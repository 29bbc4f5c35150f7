package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.apiorm.exception.ConfigurationException;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health contributor on the wire: by default, health calls within the time to live
 * (and many at once) send one authenticated GET upstream; with {@code cache-ttl: 0} each
 * call sends one; a negative time to live stops start-up naming the property.
 */
class ApiOrmHealthCacheIntegrationTests {

	private WireMockServer wire;

	@BeforeEach
	void startWire() {
		this.wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.wire.start();
		this.wire.stubFor(get(urlEqualTo("/status/")).willReturn(okJson("{}").withFixedDelay(200)));
	}

	@AfterEach
	void stopWire() {
		this.wire.stop();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
					ApiOrmAutoConfiguration.class, ApiOrmHealthContributorAutoConfiguration.class))
			.withPropertyValues("api-orm.base-url=" + this.wire.baseUrl(), "api-orm.token=health-token",
					"api-orm.health.path=/status/");
	}

	private static ReactiveHealthIndicator indicator(org.springframework.context.ApplicationContext context) {
		return (ReactiveHealthIndicator) context
			.getBean("apiOrmHealthContributor", CompositeReactiveHealthContributor.class)
			.getContributor("default");
	}

	@Test
	void callsWithinTheDefaultTimeToLiveShareOneRequest() {
		runner().run((context) -> {
			ReactiveHealthIndicator health = indicator(context);
			List<Health> concurrent = Flux.fromStream(IntStream.range(0, 8).boxed())
				.flatMap((i) -> health.health())
				.collectList()
				.block(Duration.ofSeconds(10));
			Health later = health.health().block(Duration.ofSeconds(10));

			assertThat(concurrent).hasSize(8).allSatisfy((up) -> assertThat(up.getStatus()).isEqualTo(Status.UP));
			assertThat(later.getStatus()).isEqualTo(Status.UP);
			this.wire.verify(1, getRequestedFor(urlEqualTo("/status/")).withHeader("Authorization",
					equalTo("Bearer health-token")));
			assertThat(this.wire.getAllServeEvents()).hasSize(1);
		});
	}

	@Test
	void aTimeToLiveOfZeroSendsOneRequestPerCall() {
		runner().withPropertyValues("api-orm.health.cache-ttl=0").run((context) -> {
			ReactiveHealthIndicator health = indicator(context);
			health.health().block(Duration.ofSeconds(10));
			health.health().block(Duration.ofSeconds(10));

			this.wire.verify(2, getRequestedFor(urlEqualTo("/status/")));
		});
	}

	@Test
	void aNegativeTimeToLiveStopsStartUpNamingTheProperty() {
		runner()
			.withPropertyValues("api-orm.clients.billing.base-url=" + this.wire.baseUrl(),
					"api-orm.clients.billing.health.cache-ttl=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.clients.billing.health.cache-ttl"));
	}

}
