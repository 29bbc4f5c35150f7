package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.fixtures.Counter;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Data names of both repository faces, as aliases of the ORM methods: the
 * requests they send and what they return.
 */
class SpringDataNamesWireTests extends WireTestSupport {

	@Test
	void findByIdGivesTheRecordAndNothingForA404() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(aResponse().withStatus(404)));
		assertThat(this.users.findById(1)).map(User::getName).contains("Ann");
		assertThat(this.users.findById("2")).isEmpty();
		assertThat(this.users.existsById(1L)).isTrue();
		assertThat(sent()).containsExactly("GET /api/v1/users/1/", "GET /api/v1/users/2/", "GET /api/v1/users/1/");
	}

	@Test
	void findAllWithSortOrdersByTheApiNamesOfJavaProperties() {
		stub(get(urlEqualTo("/api/v1/users/?ordering=-created_at,name&limit=2"))
			.willReturn(okJson(page(2L, null, user(2, "Bob"), user(1, "Ann")))));
		List<User> all = this.users.findAll(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("name")));
		assertThat(all).extracting(User::getName).containsExactly("Bob", "Ann");
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=-created_at,name&limit=2");
	}

	@Test
	void findAllWithoutArgumentsFollowsEveryPage() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(
				okJson(page(3L, wire.baseUrl() + "/api/v1/users/?limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson(page(3L, null, user(3, "Cy")))));
		assertThat(this.users.findAll()).extracting(User::getName).containsExactly("Ann", "Bob", "Cy");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2");
	}

	@Test
	void findAllWithPageableReadsOneWindowAndTheTotal() {
		stub(get(urlEqualTo("/api/v1/users/?ordering=name&limit=2&offset=2")).willReturn(okJson(page(5L,
				wire.baseUrl() + "/api/v1/users/?ordering=name&limit=2&offset=4", user(3, "Cy"), user(4, "Di")))));
		Page<User> page = this.users.findAll(PageRequest.of(1, 2, Sort.by("name")));
		assertThat(page.getContent()).extracting(User::getName).containsExactly("Cy", "Di");
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(page.getTotalPages()).isEqualTo(3);
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=name&limit=2&offset=2");
	}

	@Test
	void recordsOfAPageAreTrackedSoThatSaveAllSendsOnlyWhatChanged() {
		stub(get(urlEqualTo("/api/v1/users/?ordering=name&limit=2"))
			.willReturn(okJson(page(2L, null, user(3, "Cy"), user(4, "Di")))));
		stub(patch(urlEqualTo("/api/v1/users/4/")).willReturn(okJson(user(4, "Dee"))));
		Page<User> page = this.users.findAll(PageRequest.of(0, 2, Sort.by("name")));
		page.getContent().get(1).setName("Dee");
		assertThat(this.users.saveAll(page.getContent())).extracting(User::getName).containsExactly("Cy", "Dee");
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=name&limit=2",
				"PATCH /api/v1/users/4/ {\"name\":\"Dee\"}");
	}

	@Test
	void saveAllPostsNewRecordsAndPutsRecordsWithAnId() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(user(7, "Eve")).withStatus(201)));
		stub(put(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		User fresh = new User("Eve", null);
		User known = new User("Ann", null);
		known.setId(1L);
		List<User> saved = this.users.saveAll(List.of(fresh, known));
		assertThat(saved).extracting(User::getId).containsExactly(7L, 1L);
		assertThat(sent()).containsExactly("POST /api/v1/users/ {\"name\":\"Eve\",\"active\":true}",
				"PUT /api/v1/users/1/ {\"name\":\"Ann\",\"active\":true,\"id\":1}");
	}

	@Test
	void deleteAllDeletesEachRecordInOrder() {
		stub(delete(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withStatus(204)));
		stub(delete(urlEqualTo("/api/v1/users/2/")).willReturn(aResponse().withStatus(204)));
		User first = new User("Ann", null);
		first.setId(1L);
		User second = new User("Bob", null);
		second.setId(2L);
		this.users.deleteAll(List.of(first, second));
		assertThat(sent()).containsExactly("DELETE /api/v1/users/1/", "DELETE /api/v1/users/2/");
	}

	@Test
	void aPrimitiveIdOfZeroIsNewAndIsCreated() {
		stub(post(urlEqualTo("/counters/")).willReturn(okJson("{\"id\":5,\"label\":\"a\"}").withStatus(201)));
		stub(patch(urlEqualTo("/counters/5/")).willReturn(okJson("{\"id\":5,\"label\":\"b\"}")));
		ApiRepository<Counter> counters = this.orm.repository(Counter.class);
		Counter counter = new Counter(0, "a");
		counters.save(counter);
		assertThat(counter.getId()).isEqualTo(5);
		counter.setLabel("b");
		counters.save(counter);
		// Created, so tracked: the second save sends only what changed.
		assertThat(sent()).containsExactly("POST /counters/ {\"id\":0,\"label\":\"a\"}",
				"PATCH /counters/5/ {\"label\":\"b\"}");
	}

	@Test
	void theReactiveFaceHasTheSameNames() {
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(aResponse().withStatus(404)));
		stub(get(urlEqualTo("/api/v1/users/?ordering=-name&limit=2"))
			.willReturn(okJson(page(2L, null, user(2, "Bob"), user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson(page(3L, null, user(3, "Cy")))));
		stub(delete(urlEqualTo("/api/v1/users/1/")).willReturn(aResponse().withStatus(204)));
		ReactiveApiRepository<User> reactive = this.reactiveUsers;
		StepVerifier.create(reactive.findById(1).map(User::getName)).expectNext("Ann").verifyComplete();
		StepVerifier.create(reactive.findById(2)).verifyComplete();
		StepVerifier.create(reactive.existsById(2)).expectNext(false).verifyComplete();
		StepVerifier.create(reactive.findAll(Sort.by(Sort.Direction.DESC, "name")).map(User::getName))
			.expectNext("Bob", "Ann")
			.verifyComplete();
		StepVerifier.create(reactive.findAll(PageRequest.of(1, 2)))
			.assertNext((page) -> assertThat(page.getContent()).extracting(User::getName).containsExactly("Cy"))
			.verifyComplete();
		User ann = new User("Ann", null);
		ann.setId(1L);
		StepVerifier.create(reactive.deleteAll(List.of(ann))).verifyComplete();
		assertThat(sent()).containsExactly("GET /api/v1/users/1/", "GET /api/v1/users/2/", "GET /api/v1/users/2/",
				"GET /api/v1/users/?ordering=-name&limit=2", "GET /api/v1/users/?limit=2&offset=2",
				"DELETE /api/v1/users/1/");
	}

	@Test
	void reactiveSaveAllSavesInOrder() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(user(7, "Eve")).withStatus(201)));
		StepVerifier.create(this.reactiveUsers.saveAll(List.of(new User("Eve", null))).map(User::getId))
			.expectNext(7L)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(sent()).containsExactly("POST /api/v1/users/ {\"name\":\"Eve\",\"active\":true}");
	}

}
