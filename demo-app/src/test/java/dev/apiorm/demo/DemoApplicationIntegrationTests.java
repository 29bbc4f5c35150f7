package dev.apiorm.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo on a random port against its embedded upstream: the walk-through's results are
 * served by its endpoints, and Actuator shows the API client UP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DemoApplicationIntegrationTests {

	@Autowired
	WebTestClient http;

	@Value("${api-orm.base-url}")
	String upstream;

	@Test
	void usesTheEmbeddedUpstreamOnLoopback() {
		assertThat(this.upstream).startsWith("http://127.0.0.1:");
	}

	@Test
	void servesTheUsersTheWalkThroughLeft() {
		List<User> active = this.http.get()
			.uri("/users?active=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(User.class)
			.returnResult()
			.getResponseBody();
		// Alice and Bob (now robert@) are active; Carol was inactive and has been
		// deleted.
		// The creates ran concurrently, so the server's ids follow their arrival.
		assertThat(active).extracting(User::getEmail)
			.containsExactlyInAnyOrder("alice@example.com", "robert@example.com");
		assertThat(active).extracting(User::getId).isSorted();
		User bob = active.stream().filter((user) -> "Bob".equals(user.getName())).findFirst().orElseThrow();
		this.http.get()
			.uri("/users/" + bob.getId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo("robert@example.com");
		this.http.get().uri("/users/99").exchange().expectStatus().isNotFound();
	}

	@Test
	void healthShowsTheApiClientUpWithoutSecrets() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.apiOrm.status")
			.isEqualTo("UP")
			.jsonPath("$.components.apiOrm.components.default.status")
			.isEqualTo("UP")
			.jsonPath("$.components.apiOrm.components.default.details.baseUrl")
			.isEqualTo(this.upstream);
	}

	@Test
	void everyExchangeIsTimedAsApiOrmRequests() {
		Long id = this.http.get()
			.uri("/users")
			.exchange()
			.expectBodyList(User.class)
			.returnResult()
			.getResponseBody()
			.get(0)
			.getId();
		this.http.get().uri("/users/" + id).exchange().expectStatus().isOk();
		double before = getCount();
		this.http.get().uri("/users/" + id).exchange().expectStatus().isOk();
		// The one GET of this test, whatever the walk-through did before.
		assertThat(getCount()).isEqualTo(before + 1);
	}

	private double getCount() {
		Double count = this.http.get()
			.uri("/actuator/metrics/api.orm.requests?tag=operation:get&tag=model:User")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.at("/measurements/0/value")
			.asDouble();
		return count;
	}

}
