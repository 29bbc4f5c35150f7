package dev.apiorm.core;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.PreconditionFailedException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The exchanges of single records on the wire (a WebClient that sends nothing): method,
 * URL, {@code If-Match} and body of each, and a {@code 412} that fetches the current
 * record once.
 */
class RecordExchangesTests {

	private static final String RECORD = "{\"id\":7,\"name\":\"Ann\",\"email\":\"ann@x.io\"}";

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	@Test
	void aRecordIsReadByIdIntoTheInstanceGiven() {
		StubWebClient api = new StubWebClient((request) -> StubWebClient.json(HttpStatus.OK, RECORD));
		User mine = user(7L, "Al");

		User read = exchanges(api)
			.read(this.users, 7, InPlaceUpdate.begin(new ChangeTracker(), this.users, mine), "refresh")
			.block();

		assertThat(read).isSameAs(mine);
		assertThat(mine.getName()).isEqualTo("Ann");
		assertThat(api.requests).containsExactly("GET http://api.test/api/v1/users/7/");
	}

	@Test
	void aCreateIsAPostOfTheRecordsJson() {
		StubWebClient api = new StubWebClient((request) -> StubWebClient.json(HttpStatus.CREATED, RECORD));

		User created = exchanges(api).create(this.users, "{\"name\":\"Ann\"}".getBytes(), null).block();

		assertThat(created.getId()).isEqualTo(7L);
		assertThat(api.requests).containsExactly("POST http://api.test/api/v1/users/ {\"name\":\"Ann\"}");
	}

	@Test
	void aReplaceIsAPutOfTheWholeRecordWithItsIfMatch() {
		StubWebClient api = new StubWebClient((request) -> StubWebClient.json(HttpStatus.OK, RECORD, "ETag", "\"v2\""));
		User mine = user(7L, "Ann");

		exchanges(api).replace(this.users, mine, 7L, "\"v1\"", null).block();

		StubWebClient.Request put = api.seen.get(0);
		assertThat(api.seen).hasSize(1);
		assertThat(put.method() + " " + put.url() + " " + put.ifMatch())
			.isEqualTo("PUT http://api.test/api/v1/users/7/ \"v1\"");
		assertThat(this.context.getJsonMapper().readTree(put.body()))
			.isEqualTo(this.context.getJsonMapper().readTree("{\"id\":7,\"name\":\"Ann\",\"active\":true}"));
	}

	@Test
	void aPatchSendsTheFieldsByTheirApiNames() {
		StubWebClient api = new StubWebClient((request) -> StubWebClient.json(HttpStatus.OK, RECORD));
		User mine = user(7L, "Ann");
		mine.setCreatedAt("2027-01-01");

		exchanges(api).patch(this.users, mine, 7L, new String[] { "createdAt", "name" }, null, null).block();

		assertThat(api.requests)
			.containsExactly("PATCH http://api.test/api/v1/users/7/ {\"created_at\":\"2027-01-01\",\"name\":\"Ann\"}");
	}

	@Test
	void aPatchOfFieldsByIdIsUnconditional() {
		StubWebClient api = new StubWebClient((request) -> StubWebClient.json(HttpStatus.OK, RECORD));

		User patched = exchanges(api).patch(this.users, 7, Map.of("name", "Ann")).block();

		assertThat(patched.getName()).isEqualTo("Ann");
		assertThat(api.requests).containsExactly("PATCH http://api.test/api/v1/users/7/ {\"name\":\"Ann\"}");
	}

	@Test
	void aConditionalWriteAnswered412FailsWithTheCurrentRecordReadOnce() {
		StubWebClient api = new StubWebClient(
				byMethod((method) -> method.equals("PATCH") ? StubWebClient.json(HttpStatus.PRECONDITION_FAILED, "{}")
						: StubWebClient.json(HttpStatus.OK, "{\"id\":7,\"name\":\"Theirs\"}")));

		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> exchanges(api)
				.patch(this.users, user(7L, "Mine"), 7L, new String[] { "name" }, "\"v1\"", null)
				.block())
			.satisfies((conflict) -> assertThat(conflict.current())
				.hasValueSatisfying((current) -> assertThat(((User) current).getName()).isEqualTo("Theirs")));
		assertThat(api.requests).containsExactly(
				"PATCH http://api.test/api/v1/users/7/ If-Match \"v1\" {\"name\":\"Mine\"}",
				"GET http://api.test/api/v1/users/7/");
	}

	@Test
	void aConflictWhoseCurrentRecordIsGoneStillFailsAsTheConflict() {
		StubWebClient api = new StubWebClient(
				byMethod((method) -> method.equals("DELETE") ? StubWebClient.json(HttpStatus.PRECONDITION_FAILED, "{}")
						: StubWebClient.json(HttpStatus.NOT_FOUND, "{}")));

		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> exchanges(api).delete(this.users, 7L, "\"v1\"").block())
			.satisfies((conflict) -> assertThat(conflict.current()).isEmpty());
		assertThat(api.requests).containsExactly("DELETE http://api.test/api/v1/users/7/ If-Match \"v1\"",
				"GET http://api.test/api/v1/users/7/");
	}

	@Test
	void aDeleteByIdIsUnconditionalAndReadsNothingOnAConflict() {
		StubWebClient api = new StubWebClient((request) -> StubWebClient.json(HttpStatus.PRECONDITION_FAILED, "{}"));

		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> exchanges(api).deleteById(this.users, 7L).block());
		assertThat(api.requests).containsExactly("DELETE http://api.test/api/v1/users/7/");
	}

	@Test
	void aProbeGivesTheStatusOfAPath() {
		StubWebClient api = new StubWebClient((request) -> StubWebClient.empty(HttpStatus.NO_CONTENT));

		assertThat(exchanges(api).probe("health").block()).isEqualTo(204);
		assertThat(api.requests).containsExactly("GET http://api.test/health");
	}

	private RecordExchanges exchanges(StubWebClient api) {
		ApiClientSettings settings = ApiClientSettings.defaults("default", URI.create("http://api.test"));
		DrfDialect dialect = new DrfDialect(this.context.getJsonMapper());
		ResourceUrls urls = new ResourceUrls(settings.baseUrl(), dialect);
		ExchangeExecutor executor = new ExchangeExecutor(settings, api.webClient(), dialect, urls,
				ObservationRegistry.NOOP, new DefaultApiExchangeObservationConvention(), java.util.List.of());
		return new RecordExchanges(dialect, urls, executor,
				new RecordBodies(dialect, this.context.getJsonMapper(), new ChangeTracker()), false);
	}

	private static Function<StubWebClient.Request, ClientResponse> byMethod(Function<String, ClientResponse> answer) {
		return (request) -> answer.apply(request.method());
	}

	private static User user(Long id, String name) {
		User user = new User(name, null);
		user.setId(id);
		return user;
	}

}
