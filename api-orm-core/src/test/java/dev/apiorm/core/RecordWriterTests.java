package dev.apiorm.core;

import java.net.URI;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.ValidationException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What writes mean, on a WebClient that sends nothing: validation before anything is
 * sent, a save as its plan says, {@code If-Match} from the tracker, a deleted instance
 * forgotten.
 */
class RecordWriterTests {

	private static final String ANSWER = "{\"id\":7,\"name\":\"Ann\",\"email\":\"ann@x.io\"}";

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	private final ChangeTracker tracker = new ChangeTracker();

	private final StubWebClient api = new StubWebClient(
			(request) -> StubWebClient.json(HttpStatus.OK, ANSWER, "ETag", "\"v2\""));

	private final RecordWriter writer = writer(new SavePlan.Flags(true, true));

	@Test
	void anInvalidInstanceIsRefusedBeforeAnythingIsSent() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.writer.insert(this.users, user(null, " ")))
			.satisfies((invalid) -> assertThat(invalid.fieldErrors()).containsKey("name"));
		assertThat(this.api.requests).isEmpty();
	}

	@Test
	void everyInstanceOfABulkCreateIsValidatedBeforeTheFirstIsSent() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.writer.insertAll(this.users, List.of(user(null, "Ann"), user(null, ""))));
		assertThat(this.api.requests).isEmpty();
	}

	@Test
	void aNewInstanceIsCreatedAndUpdatedInPlace() {
		User mine = user(null, "Ann");

		assertThat(this.writer.save(this.users, mine).block()).isSameAs(mine);

		assertThat(mine.getId()).isEqualTo(7L);
		assertThat(this.api.requests)
			.containsExactly("POST http://api.test/api/v1/users/ {\"name\":\"Ann\",\"active\":true}");
	}

	@Test
	void aReadInstanceThatChangedIsSavedAsAPatchOfTheChangeWithItsEtag() {
		User mine = user(7L, "Al");
		this.tracker.track(this.users, mine, "\"v1\"");
		mine.setName("Ann");

		this.writer.save(this.users, mine).block();

		assertThat(this.api.requests)
			.containsExactly("PATCH http://api.test/api/v1/users/7/ If-Match \"v1\" {\"name\":\"Ann\"}");
		assertThat(this.tracker.snapshot(mine).strongEtag()).isEqualTo("\"v2\"");
	}

	@Test
	void aReadInstanceThatDidNotChangeIsNotSent() {
		User mine = user(7L, "Al");
		this.tracker.track(this.users, mine, "\"v1\"");

		assertThat(this.writer.save(this.users, mine).block()).isSameAs(mine);
		assertThat(this.api.requests).isEmpty();
	}

	@Test
	void anInstanceReadWithoutAnIdIsNotCreatedAgain() {
		User listed = user(null, "Al");
		this.tracker.track(this.users, listed, null);

		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.writer.save(this.users, listed).block());
		assertThat(this.api.requests).isEmpty();
	}

	@Test
	void anUpdateSendsTheStrongEtagOnly() {
		User strong = user(7L, "Ann");
		User weak = user(7L, "Ann");
		this.tracker.track(this.users, strong, "\"v1\"");
		this.tracker.track(this.users, weak, "W/\"v1\"");

		this.writer.update(this.users, strong).block();
		this.writer.update(this.users, weak).block();

		assertThat(this.api.seen).extracting(StubWebClient.Request::ifMatch).containsExactly("\"v1\"", null);
	}

	@Test
	void withoutOptimisticLockingNoIfMatchIsSent() {
		User mine = user(7L, "Ann");
		this.tracker.track(this.users, mine, "\"v1\"");

		writer(new SavePlan.Flags(true, false)).update(this.users, mine).block();

		assertThat(this.api.seen).extracting(StubWebClient.Request::ifMatch).containsOnlyNulls();
	}

	@Test
	void aPatchOfNamedFieldsValidatesOnlyThose() {
		User mine = user(7L, "Ann");
		mine.setEmail("not an email");

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.writer.patch(this.users, mine, new String[] { "email" }));
		this.writer.patch(this.users, mine, new String[] { "name" }).block();

		assertThat(this.api.requests).containsExactly("PATCH http://api.test/api/v1/users/7/ {\"name\":\"Ann\"}");
	}

	@Test
	void aWriteOfAnInstanceWithoutAnIdIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.update(this.users, user(null, "Ann")))
			.withMessage("Cannot update a User that has no id (it was never saved)");
		assertThat(this.api.requests).isEmpty();
	}

	@Test
	void aDeletedInstanceIsForgotten() {
		StubWebClient deleting = new StubWebClient((request) -> StubWebClient.empty(HttpStatus.NO_CONTENT));
		RecordWriter writer = writer(deleting, new SavePlan.Flags(true, true));
		User mine = user(7L, "Ann");
		this.tracker.track(this.users, mine, "\"v1\"");

		writer.delete(this.users, mine).block();

		assertThat(deleting.requests).containsExactly("DELETE http://api.test/api/v1/users/7/ If-Match \"v1\"");
		assertThat(this.tracker.snapshot(mine)).isNull();
	}

	@Test
	void aRefreshUpdatesTheInstanceInPlace() {
		User mine = user(7L, "Al");

		this.writer.refresh(this.users, mine).block();

		assertThat(mine.getName()).isEqualTo("Ann");
		assertThat(this.api.requests).containsExactly("GET http://api.test/api/v1/users/7/");
	}

	private RecordWriter writer(SavePlan.Flags flags) {
		return writer(this.api, flags);
	}

	private RecordWriter writer(StubWebClient stub, SavePlan.Flags flags) {
		ApiClientSettings settings = ApiClientSettings.defaults("default", URI.create("http://api.test"));
		DrfDialect dialect = new DrfDialect(this.context.getJsonMapper());
		ResourceUrls urls = new ResourceUrls(settings.baseUrl(), dialect);
		ExchangeExecutor executor = new ExchangeExecutor(settings, stub.webClient(), dialect, urls,
				ObservationRegistry.NOOP, new DefaultApiExchangeObservationConvention(), java.util.List.of());
		RecordExchanges exchanges = new RecordExchanges(dialect, urls, executor,
				new RecordBodies(dialect, this.context.getJsonMapper(), this.tracker), false);
		ModelValidator validator = ModelValidator.of(Validation.buildDefaultValidatorFactory().getValidator());
		return new RecordWriter(validator, this.tracker, flags, exchanges, 2);
	}

	private static User user(Long id, String name) {
		User user = new User(name, null);
		user.setId(id);
		return user;
	}

}
