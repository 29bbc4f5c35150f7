package dev.apiorm.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo's repository tested without a server, as Spring's samples test a controller
 * with {@code @WebMvcTest}: {@code @ApiOrmTest} starts api-orm and the repositories only
 * (not the walk-through, the controller or the web server), against a fake API seeded
 * from {@code users.json} before each test.
 */
@ApiOrmTest(seed = "classpath:users.json")
class UserApiTests {

	@Autowired
	UserApi users;

	@Autowired
	FakeApi api;

	@Test
	void derivedQueriesRunAgainstTheSeed() {
		assertThat(this.users.findByEmail("bob@example.com")).get().extracting(User::getName).isEqualTo("Bob");
		assertThat(this.users.findByActiveTrueOrderByNameDesc()).extracting(User::getName)
			.containsExactly("Bob", "Alice");
		assertThat(this.users.countByRole("member")).isEqualTo(2);
		assertThat(this.api.requests()).containsExactly("GET /api/v1/users/?email=bob%40example.com&limit=2",
				"GET /api/v1/users/?active=true&ordering=-name&limit=2", "GET /api/v1/users/?role=member&limit=2");
	}

	@Test
	void aOneFieldSaveSendsOnlyThatField() {
		User bob = this.users.findByEmail("bob@example.com").orElseThrow();
		bob.setEmail("robert@example.com");
		this.users.save(bob, "email");
		assertThat(this.api.records(User.class)).extracting(User::getEmail).contains("robert@example.com");
		assertThat(this.api.requests()).last().isEqualTo("PATCH /api/v1/users/2/ {\"email\":\"robert@example.com\"}");
	}

	@Test
	void excludeIsRefusedUntilTheApiDeclaresNegatedFilters() {
		// The demo does not set api-orm.drf.negation-suffix: django-filter would ignore
		// it.
		assertThatExceptionOfType(dev.apiorm.exception.UnsupportedQueryException.class)
			.isThrownBy(() -> this.users.exclude("role", "admin").list())
			.isNotInstanceOf(IgnoredFilterException.class);
		assertThat(this.api.requests()).isEmpty();
	}

}
