package dev.apiorm.wire;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.GetOrCreateResult;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.PreconditionFailedException;
import dev.apiorm.fixtures.Profile;
import dev.apiorm.fixtures.Tag;
import dev.apiorm.fixtures.User;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes that lose nothing: save(T) of an instance read from the API sends only what
 * changed (or nothing), If-Match carries the ETag it was read with, a 412 brings the
 * current record, a body the model cannot hold leaves the instance untouched, and
 * getOrCreate survives losing a race.
 */
class SavingWireTests extends WireTestSupport {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	@Test
	void saveOfAReadInstancePatchesOnlyWhatChangedWithIfMatch() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann")).withHeader("ETag", "\"v1\"")));
		stub(patch(urlEqualTo("/api/v1/users/7/"))
			.willReturn(okJson(user(7, "Ann").replace("ann@x.io", "new@x.io")).withHeader("ETag", "\"v2\"")));
		User ann = this.users.get(7);
		ann.setEmail("new@x.io");
		ann.setRole("member");
		this.users.save(ann);
		// Nothing changed since the answer: nothing is sent.
		assertThat(this.users.save(ann)).isSameAs(ann);
		ann.setAge(31);
		stub(patch(urlEqualTo("/api/v1/users/7/")).withHeader("If-Match", equalTo("\"v2\""))
			.willReturn(okJson(user(7, "Ann").replace("\"age\":30", "\"age\":31")).withHeader("ETag", "\"v3\"")));
		this.users.save(ann);
		assertThat(sent()).containsExactly("GET /api/v1/users/7/", "PATCH /api/v1/users/7/ {\"email\":\"new@x.io\"}",
				"PATCH /api/v1/users/7/ {\"age\":31}");
		// Newest first: the second PATCH carries the ETag the first one brought back.
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("If-Match")).isEqualTo("\"v2\"");
		assertThat(wire.getAllServeEvents().get(1).getRequest().getHeader("If-Match")).isEqualTo("\"v1\"");
	}

	@Test
	void anInstanceTheApplicationBuiltIsPutWithoutACondition() {
		stub(put(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann"))));
		User built = new User("Ann", "ann@x.io");
		built.setId(7L);
		this.users.save(built);
		assertThat(sent()).singleElement().asString().startsWith("PUT /api/v1/users/7/ ");
		assertThat(JSON.readTree(wire.getAllServeEvents().get(0).getRequest().getBodyAsString()))
			.isEqualTo(JSON.readTree("{\"id\":7,\"name\":\"Ann\",\"email\":\"ann@x.io\",\"active\":true}"));
		assertThat(wire.getAllServeEvents().get(0).getRequest().containsHeader("If-Match")).isFalse();
	}

	@Test
	void aConflictCarriesTheCurrentRecordAndWritesNothing() {
		stub(get(urlEqualTo("/api/v1/users/7/")).inScenario("conflict")
			.willReturn(okJson(user(7, "Ann")).withHeader("ETag", "\"v1\"")));
		stub(patch(urlEqualTo("/api/v1/users/7/"))
			.willReturn(aResponse().withStatus(412).withBody("{\"detail\":\"Precondition failed.\"}")));
		User ann = this.users.get(7);
		stub(get(urlEqualTo("/api/v1/users/7/"))
			.willReturn(okJson(user(7, "Ann").replace("\"member\"", "\"admin\"")).withHeader("ETag", "\"v2\"")));
		ann.setName("Anne");
		assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> this.users.save(ann))
			.satisfies((ex) -> assertThat(ex.current()).get()
				.isInstanceOfSatisfying(User.class, (current) -> assertThat(current.getRole()).isEqualTo("admin")));
		// The instance keeps the application's change; the server kept its record.
		assertThat(ann.getName()).isEqualTo("Anne");
		assertThat(sent()).containsExactly("GET /api/v1/users/7/", "PATCH /api/v1/users/7/ {\"name\":\"Anne\"}",
				"GET /api/v1/users/7/");
	}

	@Test
	void deleteOfAReadInstanceIsConditional() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann")).withHeader("ETag", "\"v1\"")));
		stub(delete(urlEqualTo("/api/v1/users/7/")).willReturn(aResponse().withStatus(204)));
		this.users.delete(this.users.get(7));
		this.users.deleteById(7);
		assertThat(wire.getAllServeEvents().get(1).getRequest().getHeader("If-Match")).isEqualTo("\"v1\"");
		assertThat(wire.getAllServeEvents().get(0).getRequest().containsHeader("If-Match")).isFalse();
	}

	@Test
	void aWeakEtagIsNeverSentInIfMatch() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann")).withHeader("ETag", "W/\"v1\"")));
		stub(patch(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Anne"))));
		User ann = this.users.get(7);
		ann.setName("Anne");
		this.users.save(ann);
		assertThat(wire.getAllServeEvents().get(0).getRequest().containsHeader("If-Match")).isFalse();
	}

	@Test
	void aBodyTheModelCannotHoldLeavesTheInstanceAsItWas() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann"))));
		stub(patch(urlEqualTo("/api/v1/users/7/"))
			.willReturn(okJson("{\"id\":7,\"name\":\"Anne\",\"age\":\"thirty\"}")));
		User ann = this.users.get(7);
		ann.setName("Anne");
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.save(ann));
		assertThat(ann.getName()).isEqualTo("Anne");
		assertThat(ann.getAge()).isEqualTo(30);
		assertThat(ann.getEmail()).isEqualTo("ann@x.io");
	}

	@Test
	void listedInstancesArePatchedWithWhatChanged() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(okJson(page(2L, null, user(3, "Cid"), user(4, "Dee")))));
		stub(patch(urlEqualTo("/api/v1/users/3/")).willReturn(okJson(user(3, "Cyd"))));
		List<User> listed = this.users.all().list();
		listed.get(0).setName("Cyd");
		// Set to another string of the same value: not a change.
		listed.get(1).setName(new String("Dee".toCharArray()));
		assertThat(this.users.save(listed.get(0)).getName()).isEqualTo("Cyd");
		assertThat(this.users.save(listed.get(1))).isSameAs(listed.get(1));
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "PATCH /api/v1/users/3/ {\"name\":\"Cyd\"}");
		// A page carries no ETag of its records: the PATCH is unconditional.
		assertThat(wire.getAllServeEvents().get(0).getRequest().containsHeader("If-Match")).isFalse();
	}

	@Test
	void iteratedInstancesAreTrackedThroughBothFaces() {
		String next = wire.baseUrl() + "/api/v1/users/?limit=2&offset=2";
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(okJson(page(3L, next, user(3, "Cid"), user(4, "Dee")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson(page(3L, null, user(5, "Eve")))));
		stub(patch(urlEqualTo("/api/v1/users/5/")).willReturn(okJson(user(5, "Eve"))));
		stub(patch(urlEqualTo("/api/v1/users/3/")).willReturn(okJson(user(3, "Cid"))));
		User last = this.users.all().stream().reduce((first, second) -> second).orElseThrow();
		last.setAge(41);
		this.users.save(last);
		User first = this.reactiveUsers.all().flux().blockFirst();
		first.setEmail("cid@y.io");
		StepVerifier.create(this.reactiveUsers.save(first)).expectNextCount(1).verifyComplete();
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2",
				"PATCH /api/v1/users/5/ {\"age\":41}", "GET /api/v1/users/?limit=2",
				"PATCH /api/v1/users/3/ {\"email\":\"cid@y.io\"}");
	}

	@Test
	void anImmutableListedRecordIsSavedOnlyWhenReplacedByAChangedCopy() {
		stub(get(urlEqualTo("/tags?page_size=2"))
			.willReturn(okJson("{\"count\":1,\"next\":null,\"results\":[{\"slug\":\"java\",\"label\":\"Java\"}]}")));
		stub(put(urlEqualTo("/tags/java")).willReturn(okJson("{\"slug\":\"java\",\"label\":\"JVM\"}")));
		Tag java = this.tags.all().list().get(0);
		assertThat(this.tags.save(java)).isSameAs(java);
		// A copy with a change is an instance api-orm never handed out: a PUT.
		assertThat(this.tags.save(new Tag("java", "JVM")).label()).isEqualTo("JVM");
		assertThat(sent()).containsExactly("GET /tags?page_size=2",
				"PUT /tags/java {\"slug\":\"java\",\"label\":\"JVM\"}");
	}

	@Test
	void collectionsMapsAndExactNumbersAreComparedByValue() {
		stub(get(urlEqualTo("/api/v1/profiles/1/")).willReturn(
				okJson("{\"id\":1,\"tags\":[\"a\",\"b\"],\"settings\":{\"x\":1,\"y\":\"z\"},\"balance\":1.50}")));
		stub(patch(urlEqualTo("/api/v1/profiles/1/")).willReturn(
				okJson("{\"id\":1,\"tags\":[\"a\",\"b\",\"c\"],\"settings\":{\"x\":1,\"y\":\"z\"},\"balance\":1.50}")));
		ApiRepository<Profile> profiles = this.orm.repository(Profile.class);
		Profile profile = profiles.get(1);
		profile.getTags().add("c");
		profiles.save(profile);
		// The same entries in another order, the same number at the same scale:
		// unchanged.
		Map<String, Object> reordered = new LinkedHashMap<>();
		reordered.put("y", "z");
		reordered.put("x", 1);
		profile.setSettings(reordered);
		profile.setBalance(new BigDecimal("1.50"));
		assertThat(profiles.save(profile)).isSameAs(profile);
		// 1.5 is another JSON number than 1.50.
		profile.setBalance(new BigDecimal("1.5"));
		profile.getSettings().put("x", 2);
		profiles.save(profile);
		assertThat(sent()).containsExactly("GET /api/v1/profiles/1/",
				"PATCH /api/v1/profiles/1/ {\"tags\":[\"a\",\"b\",\"c\"]}",
				"PATCH /api/v1/profiles/1/ {\"settings\":{\"y\":\"z\",\"x\":2},\"balance\":1.5}");
	}

	@Test
	void withoutTrackingEverySaveOfAnExistingRecordIsAPut() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann")).withHeader("ETag", "\"v1\"")));
		stub(put(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann"))));
		try (ApiOrm untracked = ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.saveChangedFields(false)
			.optimisticLocking(false)
			.build()) {
			ApiRepository<User> users = untracked.repository(User.class);
			users.save(users.get(7));
		}
		assertThat(sent()).last().asString().startsWith("PUT /api/v1/users/7/");
		assertThat(wire.getAllServeEvents().get(0).getRequest().containsHeader("If-Match")).isFalse();
	}

	@Test
	void aTrackedInstanceWithoutAnIdIsNotCreatedASecondTime() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(okJson(page(1L, null, "{\"name\":\"Ann\",\"email\":\"ann@x.io\"}"))));
		User ann = this.users.all().list().get(0);
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.users.save(ann))
			.withMessageContaining("would create a second record");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2");
	}

	@Test
	void getOrCreateThatLosesTheRaceReturnsTheWinner() {
		stub(get(urlEqualTo("/api/v1/users/?email=eve%40x.io&limit=2")).inScenario("race")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(okJson(page(0L, null)))
			.willSetStateTo("created by another"));
		stub(post(urlEqualTo("/api/v1/users/")).willReturn(
				aResponse().withStatus(400).withBody("{\"email\":[\"user with this email already exists.\"]}")));
		stub(get(urlEqualTo("/api/v1/users/?email=eve%40x.io&limit=2")).inScenario("race")
			.whenScenarioStateIs("created by another")
			.willReturn(okJson(page(1L, null, user(9, "Eve")))));
		GetOrCreateResult<User> result = this.users.getOrCreate(Map.of("email", "eve@x.io"), Map.of("name", "Eve"));
		assertThat(result.created()).isFalse();
		assertThat(result.object().getId()).isEqualTo(9L);
		// The first, empty, answer is proven on the bare collection (404 here: empty).
		assertThat(sent()).containsExactly("GET /api/v1/users/?email=eve%40x.io&limit=2", "GET /api/v1/users/",
				"POST /api/v1/users/ {\"email\":\"eve@x.io\",\"name\":\"Eve\"}",
				"GET /api/v1/users/?email=eve%40x.io&limit=2");
	}

	@Test
	void aCreateErrorThatIsNotARaceStillPropagates() {
		stub(get(urlEqualTo("/api/v1/users/?email=eve%40x.io&limit=2")).willReturn(okJson(page(0L, null))));
		stub(post(urlEqualTo("/api/v1/users/"))
			.willReturn(aResponse().withStatus(400).withBody("{\"name\":[\"This field is required.\"]}")));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.users.getOrCreate(Map.of("email", "eve@x.io"), Map.of("name", "Eve")));
		assertThat(sent()).containsExactly("GET /api/v1/users/?email=eve%40x.io&limit=2", "GET /api/v1/users/",
				"POST /api/v1/users/ {\"email\":\"eve@x.io\",\"name\":\"Eve\"}");
	}

	@Test
	void theReactiveFaceSavesTheSameWay() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Ann")).withHeader("ETag", "\"v1\"")));
		stub(patch(urlEqualTo("/api/v1/users/7/")).willReturn(okJson(user(7, "Anne"))));
		StepVerifier.create(this.reactiveUsers.get(7).flatMap((ann) -> {
			ann.setName("Anne");
			return this.reactiveUsers.save(ann);
		}).map(User::getName)).expectNext("Anne").verifyComplete();
		assertThat(sent()).containsExactly("GET /api/v1/users/7/", "PATCH /api/v1/users/7/ {\"name\":\"Anne\"}");
		assertThat(wire.getAllServeEvents().get(0).getRequest().getHeader("If-Match")).isEqualTo("\"v1\"");
	}

}
