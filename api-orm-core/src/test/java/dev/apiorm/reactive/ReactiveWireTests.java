package dev.apiorm.reactive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.InternalServerErrorException;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.ValidationException;
import dev.apiorm.fixtures.User;
import dev.apiorm.wire.SentRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive repository and query set: StepVerifier for each method, backpressure,
 * cancellation, look-ahead, errors mid-stream, and parity with the blocking face.
 */
class ReactiveWireTests {

	@RegisterExtension
	static WireMockExtension wire = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private ApiOrm orm;

	private ReactiveApiRepository<User> users;

	@BeforeEach
	void createOrm() {
		this.orm = ApiOrm.builder().baseUrl(wire.baseUrl()).pageSize(5).build();
		this.users = this.orm.reactiveRepository(User.class);
		for (int offset = 0; offset < 20; offset += 5) {
			List<String> records = new ArrayList<>();
			for (int id = offset + 1; id <= offset + 5; id++) {
				records.add("{\"id\":" + id + ",\"name\":\"U" + id + "\"}");
			}
			String next = (offset + 5 < 20)
					? "\"" + wire.baseUrl() + "/api/v1/users/?limit=5&offset=" + (offset + 5) + "\"" : "null";
			wire.stubFor(get(urlEqualTo("/api/v1/users/?limit=5" + ((offset > 0) ? "&offset=" + offset : "")))
				.willReturn(okJson(
						"{\"count\":20,\"next\":" + next + ",\"results\":[" + String.join(",", records) + "]}")));
		}
	}

	@AfterEach
	void closeOrm() {
		this.orm.close();
	}

	private static List<String> sent() {
		return SentRequests.of(wire);
	}

	@Test
	void handingOutAPageFetchesTheNextOneAheadAndNoFurther() {
		StepVerifier.create(this.users.all().flux(), 5)
			.expectNextCount(5)
			.then(() -> awaitRequests(2))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(sentAfterMarker()).containsExactly("GET /api/v1/users/?limit=5",
				"GET /api/v1/users/?limit=5&offset=5");
	}

	@Test
	void aRecordOfThePageFetchedAheadTakesItAndFetchesTheOneAfter() {
		StepVerifier.create(this.users.all().flux(), 6)
			.expectNextCount(6)
			.then(() -> awaitRequests(3))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(sentAfterMarker()).containsExactly("GET /api/v1/users/?limit=5",
				"GET /api/v1/users/?limit=5&offset=5", "GET /api/v1/users/?limit=5&offset=10");
	}

	@Test
	void cancellingStopsAllFurtherRequests() {
		StepVerifier.create(this.users.all().flux(), 3)
			.expectNextCount(3)
			.then(() -> awaitRequests(2))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(sentAfterMarker()).containsExactly("GET /api/v1/users/?limit=5",
				"GET /api/v1/users/?limit=5&offset=5");
	}

	/**
	 * Waits until the server has answered {@code count} requests (an event that happens,
	 * not a pause to prove that nothing does).
	 */
	private static void awaitRequests(int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (wire.getAllServeEvents().size() < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	/**
	 * What the server received up to a marker request sent after the call under test: a
	 * request that call still had in flight would stand before the marker.
	 */
	private List<String> sentAfterMarker() {
		wire.stubFor(get(urlEqualTo("/marker")).willReturn(okJson("{}")));
		org.springframework.web.reactive.function.client.WebClient.create(wire.baseUrl())
			.get()
			.uri("/marker")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(5));
		List<String> sent = new ArrayList<>(sent());
		assertThat(sent).last().isEqualTo("GET /marker");
		return sent.subList(0, sent.size() - 1);
	}

	@Test
	void fluxDeliversEveryRecordOnceInOrderAcrossPages() {
		StepVerifier.create(Flux.from(this.users.all()).map(User::getId))
			.expectNextSequence(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList())
			.verifyComplete();
		assertThat(sent()).hasSize(4);
	}

	@Test
	void errorMidStreamComesAfterTheRecordsAlreadyDelivered() {
		wire.stubFor(get(urlEqualTo("/api/v1/users/?limit=5&offset=10")).willReturn(aResponse().withStatus(500)));
		StepVerifier.create(this.users.all().flux().map(User::getId))
			.expectNextSequence(java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList())
			.expectError(InternalServerErrorException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void monoMethodsMirrorTheBlockingOnes() {
		wire.stubFor(get(urlEqualTo("/api/v1/users/3/")).willReturn(okJson("{\"id\":3,\"name\":\"U3\"}")));
		wire.stubFor(get(urlEqualTo("/api/v1/users/4/")).willReturn(aResponse().withStatus(404)));
		wire.stubFor(get(urlEqualTo("/api/v1/users/?limit=1"))
			.willReturn(okJson("{\"count\":20,\"results\":[{\"id\":1,\"name\":\"U1\"}]}")));
		wire.stubFor(get(urlEqualTo("/api/v1/users/?limit=1&offset=7"))
			.willReturn(okJson("{\"count\":20,\"results\":[{\"id\":8,\"name\":\"U8\"}]}")));
		// An ordered first() reads two records, to see an ordering the API ignored.
		wire.stubFor(get(urlEqualTo("/api/v1/users/?ordering=id&limit=2"))
			.willReturn(okJson("{\"count\":20,\"results\":[{\"id\":1,\"name\":\"U1\"},{\"id\":2,\"name\":\"U2\"}]}")));
		wire.stubFor(get(urlEqualTo("/api/v1/users/?name=none&ordering=id&limit=2"))
			.willReturn(okJson("{\"count\":0,\"results\":[]}")));
		wire.stubFor(get(urlEqualTo("/api/v1/users/?role=x&limit=2"))
			.willReturn(okJson("{\"count\":2,\"results\":[{\"id\":1,\"name\":\"U1\",\"role\":\"x\"},"
					+ "{\"id\":2,\"name\":\"U2\",\"role\":\"x\"}]}")));
		StepVerifier.create(Mono.zip(this.users.get(3L), this.users.count())).assertNext((both) -> {
			assertThat(both.getT1().getName()).isEqualTo("U3");
			assertThat(both.getT2()).isEqualTo(20L);
		}).verifyComplete();
		StepVerifier.create(this.users.get(4)).expectError(DoesNotExistException.class).verify();
		StepVerifier.create(this.users.first().map(User::getId)).expectNext(1L).verifyComplete();
		StepVerifier.create(this.users.filter("name", "none").first()).verifyComplete();
		StepVerifier.create(this.users.get("role", "x")).expectError(MultipleObjectsReturnedException.class).verify();
		StepVerifier.create(this.users.exists()).expectNext(true).verifyComplete();
		StepVerifier.create(this.users.all().at(7).map(User::getId)).expectNext(8L).verifyComplete();
		StepVerifier.create(this.users.all().valuesListFlat("id", Integer.class).map(List::size))
			.expectNext(20)
			.verifyComplete();
	}

	@Test
	void writesMirrorTheBlockingOnes() {
		wire.stubFor(post(urlEqualTo("/api/v1/users/"))
			.willReturn(okJson("{\"id\":30,\"name\":\"New\",\"email\":\"n@x.io\"}").withStatus(201)));
		wire.stubFor(patch(urlEqualTo("/api/v1/users/30/")).willReturn(okJson("{\"id\":30,\"name\":\"Renamed\"}")));
		wire.stubFor(delete(urlEqualTo("/api/v1/users/30/")).willReturn(noContent()));
		User user = new User("New", "n@x.io");
		StepVerifier.create(this.users.save(user).map(User::getId)).expectNext(30L).verifyComplete();
		user.setName("Renamed");
		StepVerifier.create(this.users.save(user, "name").map(User::getName)).expectNext("Renamed").verifyComplete();
		StepVerifier.create(this.users.delete(user)).verifyComplete();
		StepVerifier.create(this.users.create(new User("", "bad"))).expectError(ValidationException.class).verify();
		assertThat(sent()).containsExactly(
				"POST /api/v1/users/ {\"name\":\"New\",\"email\":\"n@x.io\",\"active\":true}",
				"PATCH /api/v1/users/30/ {\"name\":\"Renamed\"}", "DELETE /api/v1/users/30/");
	}

	@Test
	void bulkCreateRunsConcurrentlyAndKeepsTheInputOrder() {
		// Record i is answered after (8 - i) x 40 ms: the later records finish first, so
		// a
		// result in completion order would come out reversed.
		List<User> input = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			wire.stubFor(post(urlEqualTo("/api/v1/users/")).withRequestBody(containing("x" + i + "@x.io"))
				.willReturn(okJson("{\"id\":" + (100 + i) + ",\"name\":\"X\"}").withStatus(201)
					.withFixedDelay((8 - i) * 40)));
			input.add(new User("X", "x" + i + "@x.io"));
		}
		long start = System.nanoTime();
		StepVerifier.create(this.users.bulkCreate(input).map(User::getId))
			.expectNext(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L)
			.verifyComplete();
		// One after the other the creates take 1440 ms; four at a time (the default
		// bulk concurrency) about 520 ms.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
		assertThat(sent()).hasSize(8);
	}

	@Test
	void blockingAndReactiveFacesSendTheSameRequests() {
		wire.stubFor(get(urlPathEqualTo("/api/v1/users/")).atPriority(10)
			.willReturn(okJson("{\"count\":1,\"results\":[{\"id\":1,\"name\":\"U1\",\"age\":20,"
					+ "\"role\":\"x\",\"active\":true}]}")));
		// The third of three matches, for the slice that starts at the third.
		wire.stubFor(get(urlPathEqualTo("/api/v1/users/")).withQueryParam("offset", equalTo("2"))
			.atPriority(1)
			.willReturn(okJson("{\"count\":3,\"results\":[{\"id\":1,\"name\":\"U1\",\"age\":20,"
					+ "\"role\":\"x\",\"active\":true}]}")));
		wire.stubFor(post(urlEqualTo("/api/v1/users/"))
			.willReturn(aResponse().withStatus(400).withBody("{\"email\":[\"taken\"]}")));
		ApiRepository<User> blocking = this.orm.repository(User.class);
		runScenario(blocking);
		List<String> blockingRequests = sent();
		wire.resetRequests();
		Mono.zip(this.users.filter("age__gte", 18).orderBy("-name").slice(2, 4).list(),
				this.users.filter("role", "x").count(), this.users.filter("active", true).exists(),
				this.users.orderBy("name").last().map(List::of).defaultIfEmpty(List.of()))
			.block();
		StepVerifier.create(this.users.create(new User("A", "a@x.io"))).expectError(BadRequestException.class).verify();
		assertThat(sent()).containsExactlyInAnyOrderElementsOf(blockingRequests);
		assertThat(blockingRequests).hasSize(5);
	}

	private static void runScenario(ApiRepository<User> users) {
		users.filter("age__gte", 18).orderBy("-name").slice(2, 4).list();
		users.filter("role", "x").count();
		users.filter("active", true).exists();
		users.orderBy("name").last();
		try {
			users.create(new User("A", "a@x.io"));
		}
		catch (BadRequestException expected) {
			// the same failure as the reactive face's
		}
	}

}
