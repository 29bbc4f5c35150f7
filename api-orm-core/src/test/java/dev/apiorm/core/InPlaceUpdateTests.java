package dev.apiorm.core;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an answer does to a mutable instance updated in place: the fields it holds are
 * set, except those changed locally since the request began, which keep their value and
 * stay changed; what it leaves out is taken as sent or as last seen.
 */
class InPlaceUpdateTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	private final ChangeTracker tracker = new ChangeTracker();

	private final User mine = new User("Al", "al@x.io");

	@BeforeEach
	void readFromTheApi() {
		this.mine.setId(7L);
		this.mine.setRole("member");
		this.tracker.track(this.users, this.mine, null);
	}

	@Test
	void aFieldSetSinceTheRequestBeganKeepsItsValueAndStaysChanged() {
		this.mine.setName("Ann");
		InPlaceUpdate<User> update = InPlaceUpdate.begin(this.tracker, this.users, this.mine).sending(List.of("name"));
		this.mine.setRole("admin");

		remember(update, "{\"id\":7,\"name\":\"Ann\",\"email\":\"al@x.io\",\"role\":\"member\",\"age\":30}");

		assertThat(this.mine.getRole()).isEqualTo("admin");
		assertThat(this.mine.getName()).isEqualTo("Ann");
		assertThat(this.mine.getAge()).isEqualTo(30);
		assertThat(changed()).containsExactly("role");
	}

	@Test
	void aFieldTheServerChangedIsSetWhenItWasNotChangedHere() {
		InPlaceUpdate<User> update = InPlaceUpdate.begin(this.tracker, this.users, this.mine).sending(List.of());

		remember(update, "{\"id\":7,\"name\":\"Al\",\"email\":\"al@new.io\",\"role\":\"member\"}");

		assertThat(this.mine.getEmail()).isEqualTo("al@new.io");
		assertThat(changed()).isEmpty();
	}

	@Test
	void aFieldTheAnswerLeavesOutIsHeldAsSentOrAsLastSeen() {
		this.mine.setName("Ann");
		this.mine.setEmail("ann@x.io");
		// Only the name is sent: the email stays a change to save.
		InPlaceUpdate<User> update = InPlaceUpdate.begin(this.tracker, this.users, this.mine).sending(List.of("name"));

		remember(update, "{\"id\":7}");

		assertThat(this.mine.getName()).isEqualTo("Ann");
		assertThat(this.mine.getEmail()).isEqualTo("ann@x.io");
		assertThat(changed()).containsExactly("email");
	}

	@Test
	void anAnswerWithoutABodyTakesWhatWasSentAndWhatWasLastSeenOfTheRest() {
		this.mine.setName("Ann");
		this.mine.setEmail("ann@x.io");
		InPlaceUpdate<User> update = InPlaceUpdate.begin(this.tracker, this.users, this.mine).sending(List.of("name"));
		this.mine.setRole("admin");

		this.tracker.remember(this.mine, update.noContent(), null);

		assertThat(changed()).containsExactlyInAnyOrder("email", "role");
	}

	@Test
	void aRequestOfTheWholeRecordAnsweredWithoutABodyLeavesOnlyLaterChanges() {
		this.mine.setName("Ann");
		InPlaceUpdate<User> update = InPlaceUpdate.begin(this.tracker, this.users, this.mine);
		this.mine.setAge(41);

		this.tracker.remember(this.mine, update.noContent(), null);

		assertThat(changed()).containsExactly("age");
	}

	private void remember(InPlaceUpdate<User> update, String answer) {
		ObjectNode tree = (ObjectNode) this.context.getJsonMapper().readTree(answer);
		User complete = this.users.getCodec().read(tree);
		this.tracker.remember(this.mine, update.apply(complete, tree), null);
	}

	private List<String> changed() {
		return this.tracker.changedFields(this.users, this.mine, this.tracker.snapshot(this.mine));
	}

}
