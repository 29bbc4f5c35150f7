package dev.apiorm.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A WebClient that sends nothing: it writes down each request (method, URL, the headers
 * that matter to writes, body) and answers it with what a function makes of it.
 */
final class StubWebClient {

	final List<String> requests = new CopyOnWriteArrayList<>();

	final List<Request> seen = new CopyOnWriteArrayList<>();

	private final Function<Request, ClientResponse> answers;

	StubWebClient(Function<Request, ClientResponse> answers) {
		this.answers = answers;
	}

	WebClient webClient() {
		return WebClient.builder().exchangeFunction(this::exchange).build();
	}

	private Mono<ClientResponse> exchange(ClientRequest request) {
		MockClientHttpRequest written = new MockClientHttpRequest(request.method(), request.url());
		return request.writeTo(written, ExchangeStrategies.withDefaults())
			.then(Mono.defer(() -> written.getBodyAsString()).onErrorReturn("").defaultIfEmpty(""))
			.map((body) -> {
				Request seen = new Request(request.method().name(), request.url().toString(),
						request.headers().getFirst("If-Match"), body);
				this.requests.add(seen.toString());
				this.seen.add(seen);
				return this.answers.apply(seen);
			});
	}

	static ClientResponse json(HttpStatus status, String body, String... headers) {
		ClientResponse.Builder response = ClientResponse.create(status).header("Content-Type", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			response.header(headers[i], headers[i + 1]);
		}
		return response.body(body).build();
	}

	static ClientResponse empty(HttpStatus status) {
		return ClientResponse.create(status).build();
	}

	/**
	 * A request as the stub saw it.
	 */
	record Request(String method, String url, String ifMatch, String body) {

		@Override
		public String toString() {
			return this.method + " " + this.url + ((this.ifMatch != null) ? " If-Match " + this.ifMatch : "")
					+ (this.body.isEmpty() ? "" : " " + this.body);
		}

	}

}
