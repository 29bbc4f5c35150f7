package dev.apiorm.core;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.fixtures.Counter;
import dev.apiorm.fixtures.Tag;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of {@code save(instance)}, row by row, without a request: what the instance
 * is, what the client remembers of it, what changed since, and the two save settings
 * decide the method, the fields and the {@code If-Match} (README, "Saving and
 * conflicts").
 */
class SavePlanTests {

	/** The instance was never handed out by the client. */
	private static final String NOT_READ = null;

	/** Read from a page, which carries no ETag per record. */
	private static final String LISTED = "";

	private static final boolean ON = true;

	private static final boolean OFF = false;

	private static final ApiMappingContext CONTEXT = new ApiMappingContext();

	static Stream<Arguments> table() {
		return Stream.of(
				row("no id, built by the application: POST", User.class, () -> user(null), NOT_READ, none(), ON, ON,
						new SavePlan.Create()),
				row("no id, read from the API: refused, not a second record", User.class, () -> user(null), LISTED,
						none(), ON, ON, null),
				row("no id, read, saves send whole records: POST", User.class, () -> user(null), LISTED, none(), OFF,
						ON, new SavePlan.Create()),
				row("primitive id 0, built by the application: POST", Counter.class, () -> new Counter(0, "c"),
						NOT_READ, none(), ON, ON, new SavePlan.Create()),
				row("primitive id 0, read from the API: refused", Counter.class, () -> new Counter(0, "c"), LISTED,
						none(), ON, ON, null),
				row("id, built by the application: unconditional PUT", User.class, () -> user(7L), NOT_READ,
						(User user) -> user.setName("Bo"), ON, ON, new SavePlan.Replace(null)),
				row("read with a strong ETag and changed: PATCH of the change with If-Match", User.class,
						() -> user(7L), "\"v1\"", (User user) -> user.setName("Bo"), ON, ON,
						new SavePlan.Patch(List.of("name"), "\"v1\"")),
				row("read with a weak ETag and changed: PATCH without If-Match", User.class, () -> user(7L), "W/\"v1\"",
						(User user) -> user.setName("Bo"), ON, ON, new SavePlan.Patch(List.of("name"), null)),
				row("listed and changed: PATCH without If-Match", User.class, () -> user(7L), LISTED,
						(User user) -> user.setName("Bo"), ON, ON, new SavePlan.Patch(List.of("name"), null)),
				row("read and changed, optimistic locking off: PATCH without If-Match", User.class, () -> user(7L),
						"\"v1\"", (User user) -> user.setName("Bo"), ON, OFF,
						new SavePlan.Patch(List.of("name"), null)),
				row("two fields changed: both by API name, in the model's order", User.class, () -> user(7L), "\"v1\"",
						(User user) -> {
							user.setCreatedAt("2027-01-01");
							user.setName("Bo");
						}, ON, ON, new SavePlan.Patch(List.of("name", "created_at"), "\"v1\"")),
				row("read and not changed: nothing", User.class, () -> user(7L), "\"v1\"", none(), ON, ON,
						new SavePlan.Unchanged()),
				row("read, changed and set back: nothing", User.class, () -> user(7L), "\"v1\"", (User user) -> {
					user.setName("Bo");
					user.setName("Al");
				}, ON, ON, new SavePlan.Unchanged()),
				row("read, saves send whole records: PUT with If-Match", User.class, () -> user(7L), "\"v1\"",
						(User user) -> user.setName("Bo"), OFF, ON, new SavePlan.Replace("\"v1\"")),
				row("read, saves send whole records, locking off: unconditional PUT", User.class, () -> user(7L),
						"\"v1\"", (User user) -> user.setName("Bo"), OFF, OFF, new SavePlan.Replace(null)),
				row("an immutable record read from the API: nothing can have changed", Tag.class,
						() -> new Tag("java", "Java"), "\"t1\"", none(), ON, ON, new SavePlan.Unchanged()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	<T> void savePlanFollowsTheTable(String row, Class<T> type, Supplier<T> instance, @Nullable String readEtag,
			Consumer<T> change, boolean saveChangedFields, boolean optimisticLocking, @Nullable SavePlan expected) {
		ApiPersistentEntity<T> entity = CONTEXT.getRequiredEntity(type);
		ChangeTracker tracker = new ChangeTracker();
		T object = instance.get();
		if (readEtag != null) {
			tracker.track(entity, object, readEtag.isEmpty() ? null : readEtag);
		}
		change.accept(object);
		SavePlan.Flags flags = new SavePlan.Flags(saveChangedFields, optimisticLocking);
		// What the client hands the plan: nothing when it remembers no instance at all.
		ChangeTracker.Snapshot snapshot = flags.tracking() ? tracker.snapshot(object) : null;

		SavePlan plan = SavePlan.of(entity, object, snapshot, flags, tracker);

		if (expected != null) {
			assertThat(plan).isEqualTo(expected);
		}
		else {
			assertThat(plan).isInstanceOf(SavePlan.Refuse.class);
			assertThat(((SavePlan.Refuse) plan).error()).isInstanceOf(ConfigurationException.class)
				.hasMessageContaining(type.getSimpleName() + " was read from the API without an id")
				.hasMessageContaining("@ApiModel(idField = ...)");
		}
	}

	private static <T> Arguments row(String name, Class<T> type, Supplier<T> instance, @Nullable String readEtag,
			Consumer<T> change, boolean saveChangedFields, boolean optimisticLocking, @Nullable SavePlan expected) {
		return Arguments.of(name, type, instance, readEtag, change, saveChangedFields, optimisticLocking, expected);
	}

	private static <T> Consumer<T> none() {
		return (object) -> {
		};
	}

	private static User user(@Nullable Long id) {
		User user = new User("Al", "al@x.io");
		user.setId(id);
		return user;
	}

}
