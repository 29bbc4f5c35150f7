package dev.apiorm.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.Q;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.fixtures.Tag;
import dev.apiorm.fixtures.User;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A server that ignores a parameter, as DRF does with one it does not declare: the call
 * fails with {@link IgnoredFilterException} naming the parameter instead of returning
 * wrong records, after exactly the requests it needed; a server that pages its own way is
 * followed to the right window.
 */
class VerifiedResultsWireTests extends WireTestSupport {

	@Test
	void aFilterTheServerIgnoredFailsNamingTheParameter() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann", "admin"), user(2, "Bob", "member")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.filter("role", "admin").list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("role"))
			.withMessageContaining("User list: the API ignored the parameter 'role' (filter role=admin)")
			.withMessageContaining("the record id=2")
			.withMessageContaining("api-orm.verify-results=false");
		StepVerifier.create(this.reactiveUsers.filter("role", "admin").flux())
			.expectNextCount(0)
			.expectError(IgnoredFilterException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=admin&limit=2",
				"GET /api/v1/users/?role=admin&limit=2");
	}

	@Test
	void anExcludeTheServerIgnoredFailsNamingTheNegatedParameter() {
		stub(get(urlEqualTo("/api/v1/users/?role__n=banned&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann", "admin"), user(2, "Bob", "banned")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.exclude("role", "banned").list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("role__n"))
			.withMessageContaining("(exclude role=banned)");
	}

	@Test
	void excludeIsRefusedBeforeAnythingIsSentUnlessTheApiDeclaresNegation() {
		try (ApiOrm strict = ApiOrm.builder().baseUrl(wire.baseUrl()).build()) {
			assertThatExceptionOfType(UnsupportedQueryException.class)
				.isThrownBy(() -> strict.repository(User.class).exclude("role", "banned").count())
				.withMessageContaining("api-orm.drf.negation-suffix=n");
		}
		assertThat(sent()).isEmpty();
	}

	@Test
	void countAndExistsCheckTheOneRecordTheyFetch() {
		// The server ignored role and counted every user.
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2"))
			.willReturn(okJson(page(1000L, wire.baseUrl() + "/api/v1/users/?role=admin&limit=2&offset=2",
					user(2, "Bob", "admin"), user(1, "Ann", "member")))));
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=1")).willReturn(okJson(
				page(1000L, wire.baseUrl() + "/api/v1/users/?role=admin&limit=1&offset=1", user(1, "Ann", "member")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.filter("role", "admin").count())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("role"));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.filter("role", "admin").exists());
		// A count reads its first page whole, as list() does.
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=admin&limit=2",
				"GET /api/v1/users/?role=admin&limit=1");
	}

	@Test
	void anOrderingTheServerIgnoredFailsNamingOrdering() {
		stub(get(urlEqualTo("/api/v1/users/?ordering=-name&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann"), user(2, "Bob")))));
		assertThatExceptionOfType(IgnoredFilterException.class).isThrownBy(() -> this.users.orderBy("-name").list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("ordering"))
			.withMessageContaining("the record id=2 came after the record id=1");
	}

	@Test
	void lastOnAServerThatIgnoresOrderingIsRefusedNotTheFirstRecord() {
		// last() asks for two records by -id; the server sent them by id.
		stub(get(urlEqualTo("/api/v1/users/?ordering=-id&limit=2")).willReturn(okJson(page(9L,
				wire.baseUrl() + "/api/v1/users/?ordering=-id&limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		assertThatExceptionOfType(IgnoredFilterException.class).isThrownBy(() -> this.users.last())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("ordering"));
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=-id&limit=2");
	}

	@Test
	void valuesAreCheckedToo() {
		stub(get(urlEqualTo("/api/v1/users/?age__gte=40&limit=2")).willReturn(okJson(page(1L, null, user(1, "Ann")))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.filter("age__gte", 40).values("name"))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("age__gte"));
	}

	@Test
	void whatTheClientCannotEvaluateIsBelievedAndMatchingRecordsPass() {
		stub(get(urlEqualTo("/api/v1/users/?author__name=Poe&search=raven&role=member&age__range=18,65&limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann"), user(2, "Bob")))));
		assertThat(this.users.filter(Q.of("author__name", "Poe"))
			.filter("search", "raven")
			.filter("role", "member")
			.filter("age__range", List.of(18, 65))
			.list()).extracting(User::getName).containsExactly("Ann", "Bob");
	}

	@Test
	void verifyResultsFalseReturnsWhatTheServerSent() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=100"))
			.willReturn(okJson(page(1L, null, user(2, "Bob", "member")))));
		try (ApiOrm unchecked = ApiOrm.builder().baseUrl(wire.baseUrl()).verifyResults(false).build()) {
			assertThat(unchecked.repository(User.class).filter("role", "admin").list()).extracting(User::getName)
				.containsExactly("Bob");
		}
	}

	/**
	 * The DRF tutorial's API: PageNumberPagination of 10 with no page_size parameter, so
	 * limit, offset and page_size are ignored and copied into its links.
	 */
	@Test
	void aServerWithItsOwnPageNumberPagingIsFollowedToTheRightWindow() {
		String base = wire.baseUrl() + "/api/v1/users/";
		stub(get(urlEqualTo("/api/v1/users/?limit=10&offset=10"))
			.willReturn(okJson(tutorialPage(1, base + "?limit=10&offset=10&page=2", null))));
		stub(get(urlEqualTo("/api/v1/users/?page=2&page_size=10"))
			.willReturn(okJson(tutorialPage(2, base + "?page=3&page_size=10", base + "?page_size=10"))));
		try (ApiOrm orm = ApiOrm.builder().baseUrl(wire.baseUrl()).build()) {
			ApiRepository<User> users = orm.repository(User.class);
			assertThat(users.all().slice(10, 20).list()).extracting(User::getId)
				.containsExactlyElementsOf(LongStream.rangeClosed(11, 20).boxed().toList());
			// Learnt: the next window is asked for in the server's paging at once.
			assertThat(users.all().at(15).getId()).isEqualTo(16L);
		}
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=10&offset=10",
				"GET /api/v1/users/?page=2&page_size=10", "GET /api/v1/users/?page=2&page_size=10");
	}

	@Test
	void aServerPageSizeSmallerThanTheOneAskedForIsAdoptedAndTheSliceRecomputed() {
		String base = wire.baseUrl() + "/tags";
		stub(get(urlEqualTo("/tags?page_size=100")).willReturn(okJson(tags(1, base + "?page=2&page_size=100", null))));
		stub(get(urlEqualTo("/tags?page=2&page_size=10"))
			.willReturn(okJson(tags(2, base + "?page=3&page_size=10", base + "?page_size=10"))));
		try (ApiOrm orm = ApiOrm.builder().baseUrl(wire.baseUrl()).build()) {
			assertThat(orm.repository(Tag.class).all().slice(15, 18).list()).extracting(Tag::slug)
				.containsExactly("t16", "t17", "t18");
		}
		assertThat(sent()).containsExactly("GET /tags?page_size=100", "GET /tags?page=2&page_size=10");
	}

	@Test
	void aServerThatIgnoresTheOffsetIsRefusedNotBelieved() {
		// The first page again, linking itself as the next page.
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=4")).willReturn(
				okJson(page(9L, wire.baseUrl() + "/api/v1/users/?offset=4&limit=2", user(1, "Ann"), user(2, "Bob")))));
		assertThatExceptionOfType(IgnoredFilterException.class).isThrownBy(() -> this.users.all().slice(4, 6).list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("offset"))
			.withMessageContaining("links the page asked for as its own next page");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2&offset=4");
	}

	@Test
	void aServerThatSentTheWholeCollectionIsWindowedByTheClient() {
		// Asked for offset 2, the server sent all three records in one page.
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson("{\"count\":3,\"next\":null,"
				+ "\"previous\":\"" + wire.baseUrl() + "/api/v1/users/?limit=2\",\"results\":[" + user(1, "Ann") + ","
				+ user(2, "Bob") + "," + user(3, "Cid") + "]}")));
		assertThat(this.users.all().slice(2, 4).list()).extracting(User::getName).containsExactly("Cid");
	}

	private static String tutorialPage(int number, String next, String previous) {
		List<String> records = new ArrayList<>();
		for (int id = (number - 1) * 10 + 1; id <= number * 10; id++) {
			records.add(user(id, "U" + id));
		}
		return linked(35, next, previous, records);
	}

	private static String tags(int number, String next, String previous) {
		List<String> records = new ArrayList<>();
		for (int id = (number - 1) * 10 + 1; id <= number * 10; id++) {
			records.add("{\"slug\":\"t" + id + "\",\"label\":\"T" + id + "\"}");
		}
		return linked(35, next, previous, records);
	}

	private static String linked(long count, String next, String previous, List<String> records) {
		return "{\"count\":" + count + ",\"next\":\"" + next + "\",\"previous\":"
				+ ((previous != null) ? "\"" + previous + "\"" : "null") + ",\"results\":[" + String.join(",", records)
				+ "]}";
	}

}
