package dev.apiorm.demo.upstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded upstream answers as DRF does for what the demo does not exercise.
 */
class SampleUpstreamTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void unknownCollectionsAre404ForEveryMethod() throws Exception {
		try (SampleUpstream upstream = SampleUpstream.start()) {
			HttpResponse<String> post = this.http
				.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/api/v1/unknown/"))
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
					.header("Content-Type", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(post.statusCode()).isEqualTo(404);
			assertThat(post.body()).isEqualTo("{\"detail\":\"Not found.\"}");
			HttpResponse<String> get = this.http.send(
					HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/api/v1/unknown/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(get.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void nextLinksKeepTheFiltersAndPercentEncodeThem() throws Exception {
		try (SampleUpstream upstream = SampleUpstream.start()) {
			for (int i = 0; i < 3; i++) {
				this.http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/api/v1/users/"))
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"name\":\"A b\",\"email\":\"u" + i + "@x.io\",\"active\":true}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			HttpResponse<String> page = this.http
				.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/api/v1/users/?name=A%20b&limit=2"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.body()).contains("\"count\":3")
				.contains("\"next\":\"" + upstream.baseUrl() + "/api/v1/users/?limit=2&offset=2&name=A+b\"");
		}
	}

}
