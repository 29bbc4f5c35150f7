package dev.apiorm.wire;

import java.util.Collection;
import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.fixtures.User;
import dev.apiorm.repository.support.ApiEntityInformation;
import dev.apiorm.repository.support.ApiRepositoryFactory;
import dev.apiorm.repository.support.SimpleApiRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.query.QueryCreationException;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Derived queries beyond the basic keywords: {@code Slice}, {@code Window}, a
 * {@code Limit} argument, projections, ignore-case refused where it cannot be honoured,
 * and a repository base class of the application's own.
 */
class DerivedQueryWireTests extends WireTestSupport {

	private <R> R repository(Class<R> type) {
		return new ApiRepositoryFactory(this.orm.templates()).getRepository(type);
	}

	@Test
	void sliceAsksForOneRecordMoreThanThePageToKnowWhetherThereIsANext() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2&offset=1"))
			.willReturn(okJson(page(9L, null, user(2, "Bob", "admin"), user(3, "Cy", "admin")))));
		Slice<User> slice = repository(UserQueries.class).findByRole("admin", PageRequest.of(1, 1));
		assertThat(slice.getContent()).extracting(User::getName).containsExactly("Bob");
		assertThat(slice.hasNext()).isTrue();
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=admin&limit=2&offset=1");
	}

	@Test
	void lastSliceHasNoNext() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2&offset=1"))
			.willReturn(okJson(page(2L, null, user(2, "Bob", "admin")))));
		Slice<User> slice = repository(UserQueries.class).findByRole("admin", PageRequest.of(1, 1));
		assertThat(slice.getContent()).extracting(User::getName).containsExactly("Bob");
		assertThat(slice.hasNext()).isFalse();
	}

	@Test
	void windowsScrollByOffsetWithoutGapsOrRepeats() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&ordering=name&limit=2"))
			.willReturn(okJson(page(5L, wire.baseUrl() + "/api/v1/users/?role=admin&ordering=name&limit=2&offset=2",
					user(1, "A", "admin"), user(2, "B", "admin")))));
		stub(get(urlEqualTo("/api/v1/users/?role=admin&ordering=name&limit=2&offset=2"))
			.willReturn(okJson(page(5L, wire.baseUrl() + "/api/v1/users/?role=admin&ordering=name&limit=2&offset=4",
					user(3, "C", "admin"), user(4, "D", "admin")))));
		stub(get(urlEqualTo("/api/v1/users/?role=admin&ordering=name&limit=2&offset=4"))
			.willReturn(okJson(page(5L, null, user(5, "E", "admin")))));
		UserQueries queries = repository(UserQueries.class);
		Window<User> first = queries.findFirst2ByRoleOrderByName("admin", ScrollPosition.offset());
		assertThat(first.getContent()).extracting(User::getName).containsExactly("A", "B");
		assertThat(first.hasNext()).isTrue();
		Window<User> second = queries.findFirst2ByRoleOrderByName("admin", first.positionAt(first.size() - 1));
		assertThat(second.getContent()).extracting(User::getName).containsExactly("C", "D");
		assertThat(second.hasNext()).isTrue();
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=admin&ordering=name&limit=2",
				"GET /api/v1/users/?role=admin&ordering=name&limit=2&offset=2",
				"GET /api/v1/users/?role=admin&ordering=name&limit=2&offset=2",
				"GET /api/v1/users/?role=admin&ordering=name&limit=2&offset=4");
		// The first window reads one record beyond itself (C) to know that there is a
		// next; the second starts right after B.
	}

	@Test
	void limitArgumentCutsTheResult() {
		stub(get(urlEqualTo("/api/v1/users/?active=true&limit=1")).willReturn(okJson(page(4L, null, user(1, "Ann")))));
		assertThat(repository(UserQueries.class).findByActive(true, Limit.of(1))).extracting(User::getName)
			.containsExactly("Ann");
		assertThat(sent()).containsExactly("GET /api/v1/users/?active=true&limit=1");
	}

	@Test
	void interfaceDtoAndDynamicProjections() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&ordering=name&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann", "admin"), user(2, "Bob", "admin")))));
		stub(get(urlEqualTo("/api/v1/users/?age=30&limit=2")).willReturn(okJson(page(1L, null, user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/?email=ann%40x.io&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann")))));
		UserQueries queries = repository(UserQueries.class);
		assertThat(queries.findByRoleOrderByName("admin")).extracting(UserName::getName).containsExactly("Ann", "Bob");
		assertThat(queries.findByAge(30)).containsExactly(new UserSummary("Ann", 30));
		assertThat(queries.findByEmail("ann@x.io", UserName.class)).extracting(UserName::getName)
			.containsExactly("Ann");
	}

	@Test
	void reactiveSliceAndProjection() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2&offset=1"))
			.willReturn(okJson(page(9L, null, user(2, "Bob", "admin"), user(3, "Cy", "admin")))));
		stub(get(urlEqualTo("/api/v1/users/?active=true&limit=2")).willReturn(okJson(page(1L, null, user(1, "Ann")))));
		ReactiveUserQueries queries = repository(ReactiveUserQueries.class);
		StepVerifier.create(queries.findByRole("admin", PageRequest.of(1, 1))).assertNext((slice) -> {
			assertThat(slice.getContent()).extracting(User::getName).containsExactly("Bob");
			assertThat(slice.hasNext()).isTrue();
		}).verifyComplete();
		StepVerifier.create(queries.findByActive(true).map(UserName::getName)).expectNext("Ann").verifyComplete();
	}

	@Test
	void ignoreCaseThatNoLookupCanHonourFailsAtStartUpNamingTheMethod() {
		// Spring Data wraps the ConfigurationException of a query it cannot create.
		assertThatExceptionOfType(QueryCreationException.class).isThrownBy(() -> repository(IgnoreCaseOnNumbers.class))
			.withMessageContaining(
					"IgnoreCaseOnNumbers.findByAgeGreaterThanIgnoreCase cannot be expressed by the 'drf' "
							+ "dialect: IgnoreCase cannot be honoured for age (GREATER_THAN on Integer): Django lookups compare "
							+ "without case only for exact, contains, startswith, endswith and regex");
		assertThatExceptionOfType(QueryCreationException.class).isThrownBy(() -> repository(IgnoreCaseIn.class))
			.withMessageContaining("IgnoreCaseIn.findByNameInIgnoreCase cannot be expressed by the 'drf' dialect: "
					+ "IgnoreCase cannot be honoured for name (IN)");
	}

	@Test
	void allIgnoreCaseAppliesWhereItCanAndLeavesNumbersAlone() {
		stub(get(urlEqualTo("/api/v1/users/?name__iexact=ann&age=30&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann")))));
		assertThat(repository(UserQueries.class).findByNameAndAgeAllIgnoreCase("ann", 30)).hasSize(1);
		assertThat(sent()).containsExactly("GET /api/v1/users/?name__iexact=ann&age=30&limit=2");
	}

	@Test
	void aRepositoryBaseClassOfTheApplicationsOwnServesTheInterface() {
		ApiRepositoryFactory factory = new ApiRepositoryFactory(this.orm.templates());
		factory.setRepositoryBaseClass(DescribingRepository.class);
		DescribedUsers users = factory.getRepository(DescribedUsers.class);
		assertThat(users.describe()).isEqualTo("repository of User");
	}

	interface UserQueries extends ApiRepository<User> {

		Slice<User> findByRole(String role, Pageable pageable);

		Window<User> findFirst2ByRoleOrderByName(String role, ScrollPosition position);

		List<User> findByActive(boolean active, Limit limit);

		List<UserName> findByRoleOrderByName(String role);

		List<UserSummary> findByAge(int age);

		<P> List<P> findByEmail(String email, Class<P> type);

		List<User> findByNameAndAgeAllIgnoreCase(String name, int age);

	}

	interface ReactiveUserQueries extends ReactiveApiRepository<User> {

		Mono<Slice<User>> findByRole(String role, Pageable pageable);

		Flux<UserName> findByActive(boolean active);

	}

	interface IgnoreCaseOnNumbers extends ApiRepository<User> {

		List<User> findByAgeGreaterThanIgnoreCase(int age);

	}

	interface IgnoreCaseIn extends ApiRepository<User> {

		List<User> findByNameInIgnoreCase(Collection<String> names);

	}

	interface UserName {

		String getName();

	}

	record UserSummary(String name, Integer age) {
	}

	interface Describer {

		String describe();

	}

	interface DescribedUsers extends ApiRepository<User>, Describer {

	}

	static class DescribingRepository<T> extends SimpleApiRepository<T> implements Describer {

		DescribingRepository(ApiEntityInformation<T> information, ApiOperations operations) {
			super(information, operations);
		}

		@Override
		public String describe() {
			return "repository of " + getEntityInformation().getJavaType().getSimpleName();
		}

	}

}
