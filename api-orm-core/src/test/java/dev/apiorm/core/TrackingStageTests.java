package dev.apiorm.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.page.PageStage;
import dev.apiorm.core.page.StagedPage;
import dev.apiorm.core.page.WindowRead;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.fixtures.User;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second stage: the instances a page hands out are remembered, so that saving one
 * sends what changed; nothing else is.
 */
class TrackingStageTests {

	private final ApiPersistentEntity<User> users = new ApiMappingContext().getRequiredEntity(User.class);

	private final ChangeTracker tracker = new ChangeTracker();

	@Test
	void theInstancesInTheWindowAreRememberedWithoutAnEtag() {
		User before = user(1L);
		User inWindow = user(2L);
		PageStage.Pass<User> pass = new TrackingStage(this.tracker, true).open(instances());

		pass.apply(new StagedPage<>(new PageResult<>(List.of(before, inWindow), 2L, null, true), List.of(inWindow), 0,
				true))
			.block();

		assertThat(this.tracker.snapshot(inWindow)).isNotNull();
		assertThat(this.tracker.snapshot(inWindow).etag()).isNull();
		assertThat(this.tracker.snapshot(before)).isNull();
		inWindow.setName("changed");
		assertThat(this.tracker.changedFields(this.users, inWindow, this.tracker.snapshot(inWindow)))
			.containsExactly("name");
	}

	@Test
	void recordsNotHandedOutAreNotTracked() {
		WindowRead<User> counted = new WindowRead<>(this.users, "count", QueryDefinition.ALL,
				this.users.getRecordFields(), false);

		assertThat(new TrackingStage(this.tracker, true).open(counted)).isNull();
	}

	@Test
	void nothingIsTrackedWhenSavesSendWholeRecords() {
		assertThat(new TrackingStage(this.tracker, false).open(instances())).isNull();
	}

	private WindowRead<User> instances() {
		return new WindowRead<>(this.users, "list", QueryDefinition.ALL, this.users.getRecordFields(), true);
	}

	private static User user(Long id) {
		User user = new User("U" + id, null);
		user.setId(id);
		return user;
	}

}
