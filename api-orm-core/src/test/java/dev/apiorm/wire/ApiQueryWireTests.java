package dev.apiorm.wire;

import java.util.List;
import java.util.Optional;

import dev.apiorm.ApiQuery;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.fixtures.User;
import dev.apiorm.repository.support.ApiRepositoryFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Param;
import org.springframework.data.repository.query.QueryCreationException;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repository methods whose query is an {@link ApiQuery}: fixed lookups and lookups bound
 * to parameters, sent with API names, ordered, paged, counted and verified as derived
 * queries are; mistakes fail start-up naming the method.
 */
class ApiQueryWireTests extends WireTestSupport {

	private <R> R repository(Class<R> type) {
		return new ApiRepositoryFactory(this.orm.templates()).getRepository(type);
	}

	@Test
	void fixedAndBoundLookupsAreSentAsAFilter() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&age__gte=30&created_at__isnull=false&ordering=-age&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann", "admin")))));
		List<User> admins = repository(UserLookups.class).seniorAdmins(30);
		assertThat(admins).extracting(User::getName).containsExactly("Ann");
		assertThat(sent()).containsExactly(
				"GET /api/v1/users/?role=admin&age__gte=30&created_at__isnull=false&ordering=-age&limit=2");
	}

	@Test
	void literalListsCountsExistenceSingleResultsAndPages() {
		stub(get(urlEqualTo("/api/v1/users/?role__in=admin,staff&limit=1"))
			.willReturn(okJson(page(4L, null, user(1, "Ann", "admin")))));
		stub(get(urlEqualTo("/api/v1/users/?role__in=admin,staff&limit=2"))
			.willReturn(okJson(page(4L, null, user(1, "Ann", "admin"), user(2, "Bob", "staff")))));
		stub(get(urlEqualTo("/api/v1/users/?email__iexact=ann%40x.io&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann", "admin")))));
		stub(get(urlEqualTo("/api/v1/users/?role__in=admin,staff&ordering=name&limit=2&offset=2"))
			.willReturn(okJson(page(4L, null, user(3, "Cy", "staff"), user(4, "Di", "admin")))));
		UserLookups lookups = repository(UserLookups.class);
		assertThat(lookups.staffExists()).isTrue();
		assertThat(lookups.byEmail("ann@x.io")).map(User::getName).contains("Ann");
		Page<User> page = lookups.staff(PageRequest.of(1, 2, Sort.by("name")));
		assertThat(page.getContent()).extracting(User::getName).containsExactly("Cy", "Di");
		assertThat(page.getTotalElements()).isEqualTo(4);
		assertThat(sent()).containsExactly("GET /api/v1/users/?role__in=admin,staff&limit=1",
				"GET /api/v1/users/?email__iexact=ann%40x.io&limit=2",
				"GET /api/v1/users/?role__in=admin,staff&ordering=name&limit=2&offset=2");
	}

	@Test
	void recordsTheServerSendsAreVerifiedAgainstTheLookups() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&age__gte=30&created_at__isnull=false&ordering=-age&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann", "member")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> repository(UserLookups.class).seniorAdmins(30));
	}

	@Test
	void reactiveRepositoriesCountAndStream() {
		stub(get(urlEqualTo("/api/v1/users/?active=true&limit=2")).willReturn(okJson(page(1L, null, user(1, "Ann")))));
		ReactiveUserLookups lookups = repository(ReactiveUserLookups.class);
		StepVerifier.create(lookups.active().map(User::getName)).expectNext("Ann").verifyComplete();
		StepVerifier.create(lookups.countActive()).expectNext(1L).verifyComplete();
	}

	@Test
	void aLookupOnAFieldTheModelLacksFailsStartUp() {
		assertThatExceptionOfType(QueryCreationException.class).isThrownBy(() -> repository(MisspelledField.class))
			.withCauseInstanceOf(ConfigurationException.class)
			.withMessageContaining("MisspelledField.byRank")
			.withMessageContaining("rank");
	}

	@Test
	void aParameterNoLookupUsesFailsStartUp() {
		assertThatExceptionOfType(QueryCreationException.class).isThrownBy(() -> repository(UnusedParameter.class))
			.withCauseInstanceOf(ConfigurationException.class)
			.withMessageContaining("UnusedParameter.byRole")
			.withMessageContaining("[age]");
	}

	@Test
	void aPlaceholderNamingNoParameterFailsStartUp() {
		assertThatExceptionOfType(QueryCreationException.class).isThrownBy(() -> repository(UnknownParameter.class))
			.withCauseInstanceOf(ConfigurationException.class)
			.withMessageContaining("UnknownParameter.byRole")
			.withMessageContaining(":job");
	}

	interface UserLookups extends ApiRepository<User> {

		@ApiQuery(value = { "role=admin", "age__gte=:minAge", "createdAt__isnull=false" }, orderBy = "-age")
		List<User> seniorAdmins(@Param("minAge") int minAge);

		@ApiQuery("role__in=admin,staff")
		boolean staffExists();

		@ApiQuery("email__iexact=:email")
		Optional<User> byEmail(String email);

		@ApiQuery("role__in=admin,staff")
		Page<User> staff(Pageable page);

	}

	interface ReactiveUserLookups extends ReactiveApiRepository<User> {

		@ApiQuery("active=true")
		Flux<User> active();

		@ApiQuery("active=true")
		Mono<Long> countActive();

	}

	interface MisspelledField extends ApiRepository<User> {

		@ApiQuery("rank=1")
		List<User> byRank();

	}

	interface UnusedParameter extends ApiRepository<User> {

		@ApiQuery("role=:role")
		List<User> byRole(String role, int age);

	}

	interface UnknownParameter extends ApiRepository<User> {

		@ApiQuery("role=:job")
		List<User> byRole(String role);

	}

}
