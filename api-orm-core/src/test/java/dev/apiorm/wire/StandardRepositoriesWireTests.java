package dev.apiorm.wire;

import java.time.Duration;
import java.util.List;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.fixtures.User;
import dev.apiorm.repository.support.ApiRepositoryFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import org.springframework.data.repository.reactive.ReactiveSortingRepository;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Data's standard repository interfaces, alone and beside {@link ApiRepository}:
 * each starts, and each of its methods sends the requests its contract needs.
 */
class StandardRepositoriesWireTests extends WireTestSupport {

	private static final String CREATED = "{\"id\":9,\"name\":\"Ann\",\"email\":\"ann@x.io\",\"role\":null,"
			+ "\"age\":null,\"active\":true,\"created_at\":\"2026-11-24\"}";

	/**
	 * A timeout that a cold JVM on a loaded machine does not reach: these tests count
	 * requests.
	 */
	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.timeout(Duration.ofSeconds(10));
	}

	private <R> R repository(Class<R> type) {
		return new ApiRepositoryFactory(this.orm.templates()).getRepository(type);
	}

	@Test
	void crudRepositoryAloneSavesFindsCountsAndDeletes() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(CREATED).withStatus(201)));
		stub(put(urlEqualTo("/api/v1/users/9/")).willReturn(okJson(CREATED)));
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(aResponse().withStatus(404)));
		stub(get(urlEqualTo("/api/v1/users/?limit=1")).willReturn(okJson(page(7L, null, user(1, "Ann")))));
		stub(delete(urlEqualTo("/api/v1/users/9/")).willReturn(noContent()));
		CrudUsers users = repository(CrudUsers.class);
		User ann = new User("Ann", "ann@x.io");
		assertThat(users.save(ann).getId()).isEqualTo(9L);
		User untracked = new User("Ann", "ann@x.io");
		untracked.setId(9L);
		users.save(untracked);
		assertThat(users.findById(1L)).map(User::getName).contains("Ann");
		assertThat(users.existsById(2L)).isFalse();
		assertThat(users.count()).isEqualTo(7);
		users.deleteById(9L);
		users.delete(untracked);
		assertThat(sent()).containsExactly(
				"POST /api/v1/users/ {\"name\":\"Ann\",\"email\":\"ann@x.io\",\"active\":true}",
				"PUT /api/v1/users/9/ {\"name\":\"Ann\",\"email\":\"ann@x.io\",\"active\":true,\"id\":9}",
				"GET /api/v1/users/1/", "GET /api/v1/users/2/", "GET /api/v1/users/?limit=1", "DELETE /api/v1/users/9/",
				"DELETE /api/v1/users/9/");
	}

	@Test
	void findAllByIdIsOneInQuery() {
		stub(get(urlEqualTo("/api/v1/users/?id__in=3,1&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann"), user(3, "Cy")))));
		Iterable<User> found = repository(CrudUsers.class).findAllById(List.of(3L, 1L, 3L));
		assertThat(found).extracting(User::getName).containsExactly("Ann", "Cy");
		assertThat(sent()).containsExactly("GET /api/v1/users/?id__in=3,1&limit=2");
	}

	@Test
	void findAllByIdOfNoIdsSendsNothing() {
		assertThat(repository(CrudUsers.class).findAllById(List.of())).isEmpty();
		assertThat(sent()).isEmpty();
	}

	@Test
	void findAllByIdFetchesEachIdWhenTheServerIgnoresTheInFilter() {
		stub(get(urlEqualTo("/api/v1/users/?id__in=1,2&limit=2"))
			.willReturn(okJson(page(3L, null, user(3, "Cy"), user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		stub(get(urlEqualTo("/api/v1/users/2/")).willReturn(aResponse().withStatus(404)));
		assertThat(repository(ListCrudUsers.class).findAllById(List.of(1L, 2L))).extracting(User::getName)
			.containsExactly("Ann");
		assertThat(sent()).containsExactly("GET /api/v1/users/?id__in=1,2&limit=2", "GET /api/v1/users/1/",
				"GET /api/v1/users/2/");
	}

	@Test
	void findAllByIdSplitsManyIdsIntoBatchesOfFifty() {
		List<Long> ids = new java.util.ArrayList<>();
		StringBuilder first = new StringBuilder();
		for (long id = 1; id <= 51; id++) {
			ids.add(id);
			if (id <= 50) {
				first.append((id > 1) ? "," : "").append(id);
			}
		}
		stub(get(urlEqualTo("/api/v1/users/?id__in=" + first + "&limit=2"))
			.willReturn(okJson(page(1L, null, user(7, "Gil")))));
		stub(get(urlEqualTo("/api/v1/users/?id__in=51&limit=2")).willReturn(okJson(page(1L, null, user(51, "Ed")))));
		assertThat(repository(ListCrudUsers.class).findAllById(ids)).extracting(User::getName)
			.containsExactly("Gil", "Ed");
		assertThat(sent()).containsExactly("GET /api/v1/users/?id__in=" + first + "&limit=2",
				"GET /api/v1/users/?id__in=51&limit=2");
	}

	@Test
	void saveAllAndDeleteAllOfRecordsGoOneAfterTheOther() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(CREATED).withStatus(201)));
		stub(delete(urlEqualTo("/api/v1/users/9/")).willReturn(noContent()));
		stub(delete(urlEqualTo("/api/v1/users/4/")).willReturn(noContent()));
		ListCrudUsers users = repository(ListCrudUsers.class);
		List<User> saved = users.saveAll(List.of(new User("Ann", "ann@x.io")));
		assertThat(saved).extracting(User::getId).containsExactly(9L);
		users.deleteAll(saved);
		users.deleteAllById(List.of(4L, 9L));
		assertThat(sent()).containsExactly(
				"POST /api/v1/users/ {\"name\":\"Ann\",\"email\":\"ann@x.io\",\"active\":true}",
				"DELETE /api/v1/users/9/", "DELETE /api/v1/users/4/", "DELETE /api/v1/users/9/");
	}

	@Test
	void deleteAllListsTheWholeCollectionFirstThenDeletesEachRecord() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(
				okJson(page(3L, wire.baseUrl() + "/api/v1/users/?limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson(page(3L, null, user(3, "Cy")))));
		stub(delete(urlEqualTo("/api/v1/users/1/")).willReturn(noContent()));
		stub(delete(urlEqualTo("/api/v1/users/2/")).willReturn(noContent()));
		stub(delete(urlEqualTo("/api/v1/users/3/")).willReturn(noContent()));
		repository(CrudUsers.class).deleteAll();
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2",
				"DELETE /api/v1/users/1/", "DELETE /api/v1/users/2/", "DELETE /api/v1/users/3/");
	}

	@Test
	void pagingAndSortingRepositoryAloneSortsAndPages() {
		stub(get(urlEqualTo("/api/v1/users/?ordering=-created_at&limit=2"))
			.willReturn(okJson(page(2L, null, user(2, "Bob"), user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/?ordering=name&limit=2&offset=2"))
			.willReturn(okJson(page(5L, null, user(3, "Cy"), user(4, "Di")))));
		PagingUsers users = repository(PagingUsers.class);
		assertThat(users.findAll(Sort.by(Sort.Order.desc("createdAt")))).extracting(User::getName)
			.containsExactly("Bob", "Ann");
		Page<User> page = users.findAll(PageRequest.of(1, 2, Sort.by("name")));
		assertThat(page.getContent()).extracting(User::getName).containsExactly("Cy", "Di");
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=-created_at&limit=2",
				"GET /api/v1/users/?ordering=name&limit=2&offset=2");
	}

	@Test
	void listPagingAndSortingRepositoryReturnsLists() {
		stub(get(urlEqualTo("/api/v1/users/?ordering=name&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann"), user(2, "Bob")))));
		List<User> sorted = repository(ListPagingUsers.class).findAll(Sort.by("name"));
		assertThat(sorted).extracting(User::getName).containsExactly("Ann", "Bob");
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=name&limit=2");
	}

	@Test
	void standardInterfacesBesideApiRepositoryAndDerivedQueries() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann", "admin")))));
		stub(get(urlEqualTo("/api/v1/users/?id__in=1&limit=2")).willReturn(okJson(page(1L, null, user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/?ordering=name&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann"), user(2, "Bob")))));
		CombinedUsers users = repository(CombinedUsers.class);
		assertThat(users.findByRole("admin")).extracting(User::getName).containsExactly("Ann");
		assertThat(users.filter("role", "admin").list()).extracting(User::getName).containsExactly("Ann");
		assertThat(users.findAllById(List.of(1))).extracting(User::getName).containsExactly("Ann");
		assertThat(users.findAll(Sort.by("name"))).hasSize(2);
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=admin&limit=2",
				"GET /api/v1/users/?role=admin&limit=2", "GET /api/v1/users/?id__in=1&limit=2",
				"GET /api/v1/users/?ordering=name&limit=2");
	}

	@Test
	void reactiveCrudRepositoryAlone() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(CREATED).withStatus(201)));
		stub(get(urlEqualTo("/api/v1/users/1/")).willReturn(okJson(user(1, "Ann"))));
		stub(get(urlEqualTo("/api/v1/users/?limit=1")).willReturn(okJson(page(7L, null, user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/?id__in=1,2&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann"), user(2, "Bob")))));
		stub(delete(urlEqualTo("/api/v1/users/9/")).willReturn(noContent()));
		ReactiveCrudUsers users = repository(ReactiveCrudUsers.class);
		StepVerifier.create(users.saveAll(Flux.just(new User("Ann", "ann@x.io"))).map(User::getId))
			.expectNext(9L)
			.verifyComplete();
		StepVerifier.create(users.findById(Mono.just(1L)).map(User::getName)).expectNext("Ann").verifyComplete();
		StepVerifier.create(users.count()).expectNext(7L).verifyComplete();
		StepVerifier.create(users.findAllById(Flux.just(1L, 2L)).map(User::getName))
			.expectNext("Ann", "Bob")
			.verifyComplete();
		StepVerifier.create(users.deleteById(Mono.just(9L))).verifyComplete();
		assertThat(sent()).containsExactly(
				"POST /api/v1/users/ {\"name\":\"Ann\",\"email\":\"ann@x.io\",\"active\":true}", "GET /api/v1/users/1/",
				"GET /api/v1/users/?limit=1", "GET /api/v1/users/?id__in=1,2&limit=2", "DELETE /api/v1/users/9/");
	}

	@Test
	void reactiveSortingRepositoryAloneAndBesideReactiveApiRepository() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2")).willReturn(okJson(page(0L, null))));
		stub(get(urlEqualTo("/api/v1/users/?ordering=-name&limit=2"))
			.willReturn(okJson(page(2L, null, user(2, "Bob"), user(1, "Ann")))));
		StepVerifier
			.create(repository(ReactiveSortingUsers.class).findAll(Sort.by(Sort.Order.desc("name"))).map(User::getName))
			.expectNext("Bob", "Ann")
			.verifyComplete();
		StepVerifier
			.create(repository(CombinedReactiveUsers.class).findAll(Sort.by(Sort.Order.desc("name")))
				.map(User::getName))
			.expectNext("Bob", "Ann")
			.verifyComplete();
		StepVerifier.create(repository(CombinedReactiveUsers.class).findByRole("admin")).verifyComplete();
		// The empty answer is proven on the bare collection (404 here: an empty
		// collection).
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=-name&limit=2",
				"GET /api/v1/users/?ordering=-name&limit=2", "GET /api/v1/users/?role=admin&limit=2",
				"GET /api/v1/users/");
	}

	interface CrudUsers extends CrudRepository<User, Long> {

	}

	interface ListCrudUsers extends ListCrudRepository<User, Long> {

	}

	interface PagingUsers extends PagingAndSortingRepository<User, Long> {

	}

	interface ListPagingUsers extends ListPagingAndSortingRepository<User, Long> {

	}

	interface CombinedUsers extends ApiRepository<User>, ListCrudRepository<User, Object>,
			ListPagingAndSortingRepository<User, Object> {

		List<User> findByRole(String role);

	}

	interface ReactiveCrudUsers extends ReactiveCrudRepository<User, Long> {

	}

	interface ReactiveSortingUsers extends ReactiveSortingRepository<User, Long> {

	}

	interface CombinedReactiveUsers extends ReactiveApiRepository<User>, ReactiveCrudRepository<User, Object>,
			ReactiveSortingRepository<User, Object> {

		Flux<User> findByRole(String role);

	}

}
