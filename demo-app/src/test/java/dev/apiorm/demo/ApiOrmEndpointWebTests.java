package dev.apiorm.demo;

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
 * The {@code apiorm} Actuator endpoint over HTTP, as an operator reads it: the client,
 * its settings and pool, and never its token or a credential header's value.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "api-orm.token=demo-t0ken-never-shown", "api-orm.default-headers.X-Api-Key=demo-k3y-never-shown",
				"management.endpoints.web.exposure.include=health,apiorm" })
@AutoConfigureWebTestClient
class ApiOrmEndpointWebTests {

	@Autowired
	WebTestClient http;

	@Value("${api-orm.base-url}")
	String upstream;

	@Test
	void listsTheClientWithoutItsSecrets() {
		String body = this.http.get()
			.uri("/actuator/apiorm")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).doesNotContain("demo-t0ken-never-shown", "demo-k3y-never-shown");
		JsonNode client = this.http.get()
			.uri("/actuator/apiorm/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(client.path("baseUrl").asString()).isEqualTo(this.upstream);
		assertThat(client.path("token").asBoolean()).isTrue();
		assertThat(client.path("dialect").asString()).isEqualTo("drf");
		assertThat(client.path("settings").path("paging").path("pageSize").asInt()).isEqualTo(2);
		assertThat(client.path("settings").path("headers").path("defaultHeaders").path("X-Api-Key").asString())
			.isEqualTo("******");
		assertThat(client.path("pool").path("maxConnections").asInt()).isPositive();
	}

	@Test
	void anUnknownClientIsNotFound() {
		this.http.get().uri("/actuator/apiorm/nope").exchange().expectStatus().isNotFound();
	}

}
