package dev.apiorm.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the bodies of record exchanges become, without a request: records decoded new or
 * into the caller's instance (atomically), refused when they are not the record asked
 * for, remembered with their ETag; pages read by the dialect; bodies in the dialect's
 * envelope.
 */
class RecordBodiesTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final JsonMapper mapper = this.context.getJsonMapper();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	private final ChangeTracker tracker = new ChangeTracker();

	private final RecordBodies drf = new RecordBodies(new DrfDialect(this.mapper), this.mapper, this.tracker);

	@Test
	void aRecordIsDecodedIntoANewInstanceAndRememberedWithItsEtag() throws IOException {
		User user = this.drf.record(this.users, null, 7)
			.decode(body("{\"id\":7,\"name\":\"Ann\",\"email\":\"ann@x.io\"}"), etag("\"v3\""));

		assertThat(user.getId()).isEqualTo(7L);
		assertThat(user.getName()).isEqualTo("Ann");
		assertThat(this.tracker.snapshot(user)).isNotNull();
		assertThat(this.tracker.snapshot(user).strongEtag()).isEqualTo("\"v3\"");
	}

	@Test
	void aMutableInstanceIsUpdatedInPlace() throws IOException {
		User mine = user(7L, "Al");

		User answered = this.drf.record(this.users, into(mine), 7)
			.decode(body("{\"id\":7,\"name\":\"Ann\",\"role\":\"admin\"}"), new HttpHeaders());

		assertThat(answered).isSameAs(mine);
		assertThat(mine.getName()).isEqualTo("Ann");
		assertThat(mine.getRole()).isEqualTo("admin");
	}

	@Test
	void aBodyTheModelCannotHoldLeavesTheInstanceAsItWas() {
		User mine = user(7L, "Al");

		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> this.drf.record(this.users, into(mine), 7)
			.decode(body("{\"id\":7,\"name\":\"Ann\",\"age\":\"not a number\"}"), new HttpHeaders()));
		assertThat(mine.getName()).isEqualTo("Al");
		assertThat(this.tracker.snapshot(mine)).isNull();
	}

	@Test
	void aRecordWithAnotherIdThanAskedForIsRefusedBeforeAnythingIsSet() {
		User mine = user(7L, "Al");

		assertThatExceptionOfType(ApiDecodeException.class)
			.isThrownBy(() -> this.drf.record(this.users, into(mine), "7")
				.decode(body("{\"id\":8,\"name\":\"Eve\"}"), new HttpHeaders()))
			.withMessageContaining("answered with the record id=8, not the one asked for");
		assertThat(mine.getName()).isEqualTo("Al");
	}

	@Test
	void theJsonLiteralNullIsNotARecord() {
		assertThatExceptionOfType(ApiDecodeException.class)
			.isThrownBy(() -> this.drf.record(this.users, null, null).decode(body("null"), new HttpHeaders()))
			.withMessageContaining("the JSON literal null");
	}

	@Test
	void aWriteAnsweredWithNoContentTakesTheInstanceAsSentAndItsNewEtag() {
		User mine = user(7L, "Al");

		User answered = this.drf.written(this.users, mine, into(mine), 7L).noContent(etag("\"v4\""));

		assertThat(answered).isSameAs(mine);
		assertThat(this.tracker.snapshot(mine).strongEtag()).isEqualTo("\"v4\"");
	}

	@Test
	void aPageIsReadByTheDialect() throws IOException {
		PageResult<User> page = this.drf
			.page(this.users, "http://api/api/v1/users/?limit=2", this.users.getCodec()::readRecords)
			.decode(body("{\"count\":5,\"next\":\"http://api/api/v1/users/?limit=2&offset=2\",\"previous\":null,"
					+ "\"results\":[{\"id\":1,\"name\":\"A\"},{\"id\":2,\"name\":\"B\"}]}"), new HttpHeaders());

		assertThat(page.records()).extracting(User::getName).containsExactly("A", "B");
		assertThat(page.count()).isEqualTo(5L);
		assertThat(page.next()).isEqualTo("http://api/api/v1/users/?limit=2&offset=2");
	}

	@Test
	void aBodyIsThePlainRecordWhenTheDialectHasNoEnvelope() {
		byte[] json = "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_8);

		assertThat(this.drf.body(this.users, json, 7L)).isSameAs(json);
	}

	@Test
	void aBodyAndAnAnswerTravelInTheDialectsEnvelope() throws IOException {
		RecordBodies jsonapi = new RecordBodies(new JsonApiDialect(this.mapper), this.mapper, this.tracker);

		byte[] body = jsonapi.body(this.users, "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_8), 7L);
		User answered = jsonapi.record(this.users, null, 7)
			.decode(body("{\"data\":{\"type\":\"users\",\"id\":\"7\",\"attributes\":{\"name\":\"Ann\"}}}"),
					new HttpHeaders());

		assertThat(this.mapper.readTree(body)).isEqualTo(
				this.mapper.readTree("{\"data\":{\"type\":\"users\",\"id\":\"7\",\"attributes\":{\"name\":\"Ann\"}}}"));
		assertThat(answered.getId()).isEqualTo(7L);
		assertThat(answered.getName()).isEqualTo("Ann");
	}

	@Test
	void aModelWrittenAsSomethingElseThanAnObjectCannotBeEnveloped() {
		RecordBodies jsonapi = new RecordBodies(new JsonApiDialect(this.mapper), this.mapper, this.tracker);

		assertThatExceptionOfType(ApiDecodeException.class)
			.isThrownBy(() -> jsonapi.body(this.users, "[1]".getBytes(StandardCharsets.UTF_8), null))
			.withMessage("User is not written as a JSON object");
	}

	private static User user(Long id, String name) {
		User user = new User(name, null);
		user.setId(id);
		return user;
	}

	private static InputStream body(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpHeaders etag(String etag) {
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		return headers;
	}

	private InPlaceUpdate<User> into(User user) {
		return InPlaceUpdate.begin(this.tracker, this.users, user);
	}

}
