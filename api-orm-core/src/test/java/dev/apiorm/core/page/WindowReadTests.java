package dev.apiorm.core.page;

import org.junit.jupiter.api.Test;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.fixtures.User;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What one read of a window asks for, as stages see it.
 */
class WindowReadTests {

	private final ApiPersistentEntity<User> users = new ApiMappingContext().getRequiredEntity(User.class);

	@Test
	void anotherQueryKeepsWhatIsReadAndHowItIsHandedOut() {
		WindowRead<User> read = new WindowRead<>(this.users, "list", QueryDefinition.ALL.slice(0, 1),
				this.users.getRecordFields(), true);

		WindowRead<User> all = read.withQuery(QueryDefinition.ALL);

		assertThat(all)
			.isEqualTo(new WindowRead<>(this.users, "list", QueryDefinition.ALL, this.users.getRecordFields(), true));
	}

	@Test
	void aReadNamesItsOperation() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WindowRead<User>(this.users, "", QueryDefinition.ALL, null, false))
			.withMessage("operation must not be empty");
	}

}
