package dev.apiorm.test.example;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's complete example, so that it cannot rot: the model, the repository
 * and the service compile as printed, and onboarding a user sends what the README says.
 */
@ApiOrmTest
@Import(Onboarding.class)
class OnboardingExampleTests {

	@Autowired
	Onboarding onboarding;

	@Autowired
	UserApi users;

	@Autowired
	FakeApi api;

	@Test
	void onboardingCreatesTheUserThenPatchesOnlyTheRole() {
		User user = this.onboarding.onboard("ann@example.com", "Ann");
		assertThat(user.getRole()).isEqualTo("member");
		assertThat(this.api.requests()).containsExactly("GET /api/v1/users/?email=ann%40example.com&limit=2",
				"POST /api/v1/users/ {\"email\":\"ann@example.com\",\"name\":\"Ann\"}",
				"PATCH /api/v1/users/1/ {\"role\":\"member\"}");
	}

	@Test
	void theDerivedQueriesOfTheExampleRun() {
		this.onboarding.onboard("ann@example.com", "Ann");
		assertThat(this.users.findByEmail("ann@example.com")).isPresent();
		assertThat(this.users.countByRole("member")).isEqualTo(1);
		assertThat(this.users.existsByEmail("bob@example.com")).isFalse();
		assertThat(this.users.findByActive(true, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
		assertThat(this.api.records(User.class)).extracting(User::getEmail).containsExactly("ann@example.com");
	}

}
