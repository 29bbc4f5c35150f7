package dev.apiorm.wire;

import java.time.Duration;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiRepository;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.fixtures.User;
import dev.apiorm.repository.support.ApiRepositoryFactory;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.ExampleMatcher.GenericPropertyMatchers;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.QueryByExampleExecutor;
import org.springframework.data.repository.query.ReactiveQueryByExampleExecutor;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Query by Example: the probe's values and the matcher become lookups on the wire.
 */
class QueryByExampleWireTests extends WireTestSupport {

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.timeout(Duration.ofSeconds(10));
	}

	private <R> R repository(Class<R> type) {
		return new ApiRepositoryFactory(this.orm.templates()).getRepository(type);
	}

	private static User probe(String name) {
		User probe = new User();
		probe.setName(name);
		return probe;
	}

	@Test
	void everyPropertyWithAValueIsAnExactLookupAndNullsAreIgnored() {
		stub(get(urlEqualTo("/api/v1/users/?name=Ann&active=true&ordering=-age&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann")))));
		assertThat(repository(Users.class).findAll(Example.of(probe("Ann")), Sort.by(Sort.Order.desc("age"))))
			.extracting(User::getName)
			.containsExactly("Ann");
		assertThat(sent()).containsExactly("GET /api/v1/users/?name=Ann&active=true&ordering=-age&limit=2");
	}

	@Test
	void stringMatchersAndIgnoreCaseBecomeDjangoLookups() {
		// A filtered count reads its first page whole; its records all match, so the
		// total
		// of the longer answer is believed.
		stub(get(urlEqualTo("/api/v1/users/?name__istartswith=an&limit=2"))
			.willReturn(okJson(page(3L, wire.baseUrl() + "/api/v1/users/?name__istartswith=an&limit=2&offset=2",
					user(1, "Ann"), user(2, "Anton")))));
		stub(get(urlEqualTo("/api/v1/users/?name__contains=nn&role__iexact=ADMIN&limit=1"))
			.willReturn(okJson(page(1L, null, user(1, "Ann", "admin")))));
		ExampleMatcher startingIgnoringCase = ExampleMatcher.matching()
			.withIgnorePaths("active")
			.withStringMatcher(ExampleMatcher.StringMatcher.STARTING)
			.withIgnoreCase();
		Users users = repository(Users.class);
		assertThat(users.count(Example.of(probe("an"), startingIgnoringCase))).isEqualTo(3);
		User nnAdmin = probe("nn");
		nnAdmin.setRole("ADMIN");
		ExampleMatcher perProperty = ExampleMatcher.matching()
			.withIgnorePaths("active")
			.withMatcher("name", GenericPropertyMatchers.contains())
			.withMatcher("role", GenericPropertyMatchers.ignoreCase());
		assertThat(users.exists(Example.of(nnAdmin, perProperty))).isTrue();
		assertThat(sent()).containsExactly("GET /api/v1/users/?name__istartswith=an&limit=2",
				"GET /api/v1/users/?name__contains=nn&role__iexact=ADMIN&limit=1");
	}

	@Test
	void includedNullsAskForIsNull() {
		stub(get(urlEqualTo("/api/v1/users/?name=Ann&role__isnull=true&active=true&limit=2&offset=2"))
			.willReturn(okJson(page(3L, null, user(3, "Ann").replace("\"role\":\"member\"", "\"role\":null")))));
		ExampleMatcher withNulls = ExampleMatcher.matching()
			.withIncludeNullValues()
			.withIgnorePaths("id", "email", "age", "createdAt");
		Page<User> page = repository(Users.class).findAll(Example.of(probe("Ann"), withNulls), PageRequest.of(1, 2));
		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(sent())
			.containsExactly("GET /api/v1/users/?name=Ann&role__isnull=true&active=true&limit=2&offset=2");
	}

	@Test
	void findOneIsEmptyForNoMatchAndRefusesTwo() {
		stub(get(urlEqualTo("/api/v1/users/?name=Nobody&active=true&limit=2")).willReturn(okJson(page(0L, null))));
		stub(get(urlEqualTo("/api/v1/users/?name=Ann&active=true&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann"), user(2, "Ann")))));
		Users users = repository(Users.class);
		assertThat(users.findOne(Example.of(probe("Nobody")))).isEmpty();
		assertThatExceptionOfType(MultipleObjectsReturnedException.class)
			.isThrownBy(() -> users.findOne(Example.of(probe("Ann"))));
	}

	@Test
	void whatNoLookupExpressesIsRefusedBeforeAnythingIsSent() {
		Users users = repository(Users.class);
		ExampleMatcher regex = ExampleMatcher.matching().withStringMatcher(ExampleMatcher.StringMatcher.REGEX);
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> users.findAll(Example.of(probe("A.*"), regex)))
			.withMessageContaining("User")
			.withMessageContaining("'name'");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> users.findBy(Example.of(probe("Ann")), (query) -> query.all()));
		assertThat(sent()).isEmpty();
	}

	@Test
	void reactiveQueryByExample() {
		stub(get(urlEqualTo("/api/v1/users/?name__iendswith=NN&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann")))));
		ExampleMatcher ending = ExampleMatcher.matching()
			.withIgnorePaths("active")
			.withStringMatcher(ExampleMatcher.StringMatcher.ENDING)
			.withIgnoreCase();
		StepVerifier.create(repository(ReactiveUsers.class).findAll(Example.of(probe("NN"), ending)).map(User::getName))
			.expectNext("Ann")
			.verifyComplete();
		assertThat(sent()).containsExactly("GET /api/v1/users/?name__iendswith=NN&limit=2");
	}

	interface Users extends ApiRepository<User>, QueryByExampleExecutor<User> {

	}

	interface ReactiveUsers extends ReactiveCrudRepository<User, Long>, ReactiveQueryByExampleExecutor<User> {

	}

}
