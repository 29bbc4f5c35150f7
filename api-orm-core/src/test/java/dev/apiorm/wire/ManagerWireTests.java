package dev.apiorm.wire;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apiorm.GetOrCreateResult;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.BulkCreateException;
import dev.apiorm.exception.ValidationException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The blocking manager's writes against WireMock: the exact method, path and body sent,
 * and what happens to the caller's instance.
 */
class ManagerWireTests extends WireTestSupport {

	private static final String CREATED = "{\"id\":9,\"name\":\"Ann\",\"email\":\"ann@x.io\",\"role\":null,"
			+ "\"age\":null,\"active\":true,\"created_at\":\"2026-11-24\"}";

	@Test
	void createPostsTheRecordAndReturnsTheServersRepresentation() {
		stub(post(urlEqualTo("/api/v1/users/"))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(CREATED)));
		User created = this.users.create(new User("Ann", "ann@x.io"));
		assertThat(created.getId()).isEqualTo(9L);
		assertThat(created.getCreatedAt()).isEqualTo("2026-11-24");
		assertThat(sent())
			.containsExactly("POST /api/v1/users/ {\"name\":\"Ann\",\"email\":\"ann@x.io\",\"active\":true}");
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Token " + TOKEN);
	}

	@Test
	void createFromAMapSendsExactlyTheMap() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(CREATED).withStatus(201)));
		this.users.create(Map.of("name", "Ann"));
		assertThat(sent()).containsExactly("POST /api/v1/users/ {\"name\":\"Ann\"}");
	}

	@Test
	void invalidRecordFailsValidationAndSendsNothing() {
		User invalid = new User("", "not-an-email");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.users.create(invalid))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).containsOnlyKeys("name", "email"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.users.save(invalid));
		assertThat(sent()).isEmpty();
	}

	@Test
	void saveOfANewRecordPostsAndSetsTheServerIdOnTheInstance() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(CREATED).withStatus(201)));
		User user = new User("Ann", "ann@x.io");
		User saved = this.users.save(user);
		assertThat(user.getId()).isEqualTo(9L);
		assertThat(user.getCreatedAt()).isEqualTo("2026-11-24");
		assertThat(saved.getId()).isEqualTo(9L);
	}

	@Test
	void saveOfAnExistingRecordPutsTheWholeRecord() {
		stub(put(urlEqualTo("/api/v1/users/9/")).willReturn(okJson(CREATED)));
		User user = new User("Ann", "ann@x.io");
		user.setId(9L);
		this.users.save(user);
		assertThat(sent())
			.containsExactly("PUT /api/v1/users/9/ {\"name\":\"Ann\",\"email\":\"ann@x.io\",\"active\":true,\"id\":9}");
	}

	@Test
	void saveWithUpdateFieldsPatchesOnlyThoseFieldsByTheirApiNames() {
		stub(patch(urlEqualTo("/api/v1/users/9/"))
			.willReturn(okJson(CREATED.replace("ann@x.io", "new@x.io").replace("2026-11-24", "2027-01-01"))));
		User user = new User("Ann", "new@x.io");
		user.setId(9L);
		user.setCreatedAt("2027-01-01");
		this.users.save(user, "email", "createdAt");
		assertThat(sent())
			.containsExactly("PATCH /api/v1/users/9/ {\"email\":\"new@x.io\",\"created_at\":\"2027-01-01\"}");
		assertThat(user.getEmail()).isEqualTo("new@x.io");
	}

	@Test
	void partialSaveValidatesOnlyTheSentFields() {
		stub(patch(urlEqualTo("/api/v1/users/9/")).willReturn(okJson(CREATED)));
		User user = new User("", "ok@x.io");
		user.setId(9L);
		this.users.save(user, "email");
		user.setEmail("broken");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.users.save(user, "email"));
		assertThat(sent()).hasSize(1);
	}

	@Test
	void patchSendsExplicitNulls() {
		stub(patch(urlEqualTo("/api/v1/users/9/")).willReturn(okJson(CREATED)));
		User user = new User("Ann", "ann@x.io");
		user.setId(9L);
		this.users.save(user, "role");
		assertThat(sent()).containsExactly("PATCH /api/v1/users/9/ {\"role\":null}");
	}

	@Test
	void deleteAndDeleteByIdSendDeleteToTheRecordUrl() {
		stub(delete(urlEqualTo("/api/v1/users/9/")).willReturn(noContent()));
		User user = new User("Ann", "ann@x.io");
		user.setId(9L);
		this.users.delete(user);
		this.users.deleteById(9);
		assertThat(sent()).containsExactly("DELETE /api/v1/users/9/", "DELETE /api/v1/users/9/");
	}

	@Test
	void deleteOfAnUnsavedRecordFailsWithoutARequest() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.users.delete(new User("Ann", "a@x.io")))
			.withMessageContaining("has no id");
		assertThat(sent()).isEmpty();
	}

	@Test
	void refreshReadsTheRecordAgainIntoTheInstance() {
		stub(get(urlEqualTo("/api/v1/users/9/")).willReturn(okJson(CREATED.replace("\"Ann\"", "\"Annie\""))));
		User user = new User("Ann", "ann@x.io");
		user.setId(9L);
		User refreshed = this.users.refresh(user);
		assertThat(user.getName()).isEqualTo("Annie");
		assertThat(refreshed.getCreatedAt()).isEqualTo("2026-11-24");
		assertThat(sent()).containsExactly("GET /api/v1/users/9/");
	}

	@Test
	void toMapUsesApiFieldNames() {
		User user = new User("Ann", "ann@x.io");
		user.setCreatedAt("2026-01-01");
		assertThat(this.users.toMap(user)).containsEntry("created_at", "2026-01-01")
			.containsEntry("name", "Ann")
			.doesNotContainKey("createdAt");
	}

	@Test
	void getOrCreateReturnsTheMatchWithoutCreating() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(1L, null, user(3, "Cid")))));
		GetOrCreateResult<User> result = this.users.getOrCreate(Map.of("email", "cid@x.io"), Map.of("name", "C"));
		assertThat(result.created()).isFalse();
		assertThat(result.object().getId()).isEqualTo(3L);
		assertThat(sent()).containsExactly("GET /api/v1/users/?email=cid%40x.io&limit=2");
	}

	@Test
	void getOrCreateCreatesFromTheLookupAndDefaults() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(0L, null))));
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(CREATED).withStatus(201)));
		GetOrCreateResult<User> result = this.users.getOrCreate(Map.of("email", "ann@x.io"), Map.of("name", "Ann"));
		assertThat(result.created()).isTrue();
		// The empty answer is proven before the create: the bare collection is empty too.
		assertThat(sent()).containsExactly("GET /api/v1/users/?email=ann%40x.io&limit=2", "GET /api/v1/users/",
				"POST /api/v1/users/ {\"email\":\"ann@x.io\",\"name\":\"Ann\"}");
	}

	@Test
	void updateOrCreatePatchesTheMatchWithTheDefaults() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(1L, null, user(3, "Cid")))));
		stub(patch(urlEqualTo("/api/v1/users/3/")).willReturn(okJson(user(3, "Cyd"))));
		GetOrCreateResult<User> result = this.users.updateOrCreate(Map.of("email", "cid@x.io"), Map.of("name", "Cyd"));
		assertThat(result.created()).isFalse();
		assertThat(result.object().getName()).isEqualTo("Cyd");
		assertThat(sent()).containsExactly("GET /api/v1/users/?email=cid%40x.io&limit=2",
				"PATCH /api/v1/users/3/ {\"name\":\"Cyd\"}");
	}

	@Test
	void bulkCreateKeepsInputOrder() {
		for (int i = 1; i <= 5; i++) {
			stub(post(urlEqualTo("/api/v1/users/"))
				.withRequestBody(equalToJson("{\"name\":\"U" + i + "\"}", true, true))
				.willReturn(okJson(user(i, "U" + i)).withStatus(201).withFixedDelay((6 - i) * 20)));
		}
		List<User> input = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			input.add(new User("U" + i, "u" + i + "@x.io"));
		}
		assertThat(this.users.bulkCreate(input)).extracting(User::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(sent()).hasSize(5).allMatch((request) -> request.startsWith("POST /api/v1/users/ "));
	}

	@Test
	void bulkCreatePartialFailureSaysWhichRecordsWereWritten() {
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(okJson(CREATED).withStatus(201)));
		stub(post(urlEqualTo("/api/v1/users/")).withRequestBody(equalToJson("{\"name\":\"Bad\"}", true, true))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"email\":[\"user with this email already exists.\"]}")));
		List<User> input = List.of(new User("A", "a@x.io"), new User("Bad", "b@x.io"), new User("C", "c@x.io"));
		BulkCreateException failure = org.junit.jupiter.api.Assertions.assertThrows(BulkCreateException.class,
				() -> this.users.bulkCreate(input));
		assertThat(failure.failed()).containsOnlyKeys(1);
		assertThat(failure.failed().get(1)).isInstanceOf(BadRequestException.class);
		assertThat(failure.created().keySet()).contains(0).doesNotContain(1);
		assertThat(failure.created().size() + failure.notAttempted().size()).isEqualTo(2);
		assertThat(failure.getMessage()).contains("were created").contains("[1]");
	}

	@Test
	void bulkCreateValidatesEveryRecordBeforeSendingAny() {
		List<User> input = List.of(new User("A", "a@x.io"), new User("", "b@x.io"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.users.bulkCreate(input))
			.withMessageContaining("record 1");
		assertThat(sent()).isEmpty();
	}

	@Test
	void failedSaveLeavesTheInstanceAsItWas() {
		stub(put(urlEqualTo("/api/v1/users/9/")).inScenario("s")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"name\":[\"too long\"]}")));
		User user = new User("Ann", "ann@x.io");
		user.setId(9L);
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.users.save(user))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).containsEntry("name", List.of("too long")));
		assertThat(user.getName()).isEqualTo("Ann");
		assertThat(user.getCreatedAt()).isNull();
	}

}
