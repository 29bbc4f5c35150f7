package dev.apiorm.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.Q;
import dev.apiorm.QuerySet;
import dev.apiorm.exception.IgnoredFilterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Results checked against the query, on the real DRF server: every lookup the server
 * declares returns exactly what the server itself answers, and is never refused (records
 * whose text differs by case or accents, missing values, and SQLite's binary text order
 * included); the same lookups on an endpoint that ignores them (the DRF tutorial's, with
 * no filter or ordering backend and a fixed page of 10) fail naming the parameter, and
 * its paging is followed to the right window.
 */
class VerifiedResultsIT {

	static final String TAG = UUID.randomUUID().toString().substring(0, 8);

	static DrfServer server;

	static ApiOrm orm;

	static ApiRepository<Member> users;

	static String createdBetween;

	@BeforeAll
	static void start() {
		server = DrfServer.get();
		orm = server.client().drfNegationSuffix("n").pageSize(3).build();
		users = orm.repository(Member.class);
		String[] names = { "ann", "Ann", "ÁNGEL", "Élodie", "bob smith", "Bob-Jones", "Zed", "zoë" };
		Integer[] ages = { 30, 30, null, 41, 17, 25, null, 62 };
		String[] roles = { "admin", "Admin", "staff", "member", "banned", "member", "staff", "admin" };
		for (int i = 0; i < names.length; i++) {
			Member member = users
				.create(new Member(names[i] + " " + TAG, "u" + i + "." + TAG + "@Example.com", roles[i], ages[i]));
			if (i == 3) {
				createdBetween = member.getCreatedAt().toString();
			}
		}
		// Enough users for the tutorial endpoint's pages, each contradicting most
		// lookups.
		List<Member> fillers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			fillers.add(new Member("Aaron filler " + i, "filler" + i + "." + TAG + "@example.org", "member", 50));
		}
		users.bulkCreate(fillers);
	}

	@AfterAll
	static void close() {
		orm.close();
	}

	static Stream<Arguments> declaredLookups() {
		return Stream.of(Arguments.of(Q.of("name", "ann " + TAG)), Arguments.of(Q.of("name__iexact", "ANN " + TAG)),
				Arguments.of(Q.of("name__contains", "nn")), Arguments.of(Q.of("name__contains", "ob")),
				Arguments.of(Q.of("name__icontains", "ÁN")), Arguments.of(Q.of("name__icontains", "án")),
				Arguments.of(Q.of("name__startswith", "Bob")), Arguments.of(Q.of("name__istartswith", "bob")),
				Arguments.of(Q.of("name__endswith", TAG)), Arguments.of(Q.of("name__iendswith", "E " + TAG)),
				Arguments.of(Q.of("name__gt", "Bob")), Arguments.of(Q.of("name__gte", "ann " + TAG)),
				Arguments.of(Q.of("name__lt", "Zed")), Arguments.of(Q.of("name__lte", "ann")),
				Arguments.of(Q.of("name__in", List.of("ann " + TAG, "Zed " + TAG))),
				Arguments.of(Q.of("name__range", List.of("B", "Z"))), Arguments.of(Q.of("name__isnull", false)),
				Arguments.of(Q.of("age", 30)), Arguments.of(Q.of("age__gt", 25)), Arguments.of(Q.of("age__gte", 30)),
				Arguments.of(Q.of("age__lt", 30)), Arguments.of(Q.of("age__lte", 25)),
				Arguments.of(Q.of("age__in", List.of(30, 41))), Arguments.of(Q.of("age__range", List.of(20, 45))),
				Arguments.of(Q.of("age__isnull", true)), Arguments.of(Q.of("age__isnull", false)),
				Arguments.of(Q.of("age", null)), Arguments.of(Q.of("age__gte", "30")),
				Arguments.of(Q.of("role", "admin")), Arguments.of(Q.of("role__iexact", "ADMIN")),
				Arguments.of(Q.of("role__in", List.of("admin", "staff"))), Arguments.of(Q.of("role__isnull", false)),
				Arguments.of(Q.of("email__iexact", "U1." + TAG + "@EXAMPLE.COM")),
				Arguments.of(Q.of("created_at__gt", createdBetween)),
				Arguments.of(Q.of("created_at__lte", createdBetween)), Arguments.of(Q.of("role", "banned").negate()),
				Arguments.of(Q.of("name", "Zed " + TAG).negate()),
				Arguments.of(Q.of("role", "admin").negate().and(Q.of("age__gte", 20))));
	}

	@ParameterizedTest
	@MethodSource("declaredLookups")
	void aDeclaredLookupReturnsWhatTheServerAnswersAndIsNotRefused(Q condition) {
		for (String ordering : List.of("name", "-name", "age", "-created_at")) {
			QuerySet<Member> query = users.filter("email__icontains", TAG).filter(condition).orderBy(ordering);
			String drfQuery = orm.reactiveTemplate("default")
				.getDialect()
				.queryParameters(Q.of("email__icontains", TAG).and(condition), List.of(ordering));
			assertThat(query.list()).extracting(Member::getId)
				.as(drfQuery)
				.containsExactlyElementsOf(truth("/api/v1/users/?" + drfQuery + "&limit=100"));
			assertThat(query.count()).as(drfQuery).isEqualTo(truth("/api/v1/users/?" + drfQuery + "&limit=100").size());
		}
	}

	static Stream<Arguments> ignoredLookups() {
		// Every record has a name and a role: an ignored isnull=false cannot show.
		List<Q> trueOfEveryRecord = List.of(Q.of("name__isnull", false), Q.of("role__isnull", false));
		return declaredLookups().filter((arguments) -> !(arguments.get()[0] instanceof Q.And)
				&& !trueOfEveryRecord.contains(arguments.get()[0]));
	}

	@ParameterizedTest
	@MethodSource("ignoredLookups")
	void theSameLookupOnAnEndpointThatIgnoresItFailsNamingTheParameter(Q condition) {
		ApiRepository<TutorialMember> tutorial = orm.repository(TutorialMember.class);
		String parameter = orm.reactiveTemplate("default").getDialect().parameterName(condition);
		// The endpoint answers every user of the database: one contradicts each lookup.
		assertThatExceptionOfType(IgnoredFilterException.class).as(parameter)
			.isThrownBy(() -> tutorial.filter(condition).list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

	@Test
	void theTutorialEndpointNeverReturnsAWrongWindow() {
		ApiRepository<TutorialMember> tutorial = orm.repository(TutorialMember.class);
		List<Long> all = new ArrayList<>();
		for (int page = 1; all.size() < 25; page++) {
			all.addAll(truth("/api/v1/tutorial-users/?page=" + page));
		}
		assertThat(tutorial.all().slice(10, 20).list()).extracting(TutorialMember::id)
			.containsExactlyElementsOf(all.subList(10, 20));
		assertThat(tutorial.all().at(15).id()).isEqualTo(all.get(15));
		assertThat(tutorial.all().slice(15, 18).list()).extracting(TutorialMember::id)
			.containsExactlyElementsOf(all.subList(15, 18));
		assertThatExceptionOfType(IgnoredFilterException.class).isThrownBy(tutorial::last)
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("ordering"));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> tutorial.filter("name", "no-such").exists())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("name"));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> tutorial.exclude("role", "banned").count())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("role__n"));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> tutorial.orderBy("-name").limit(5).list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("ordering"));
	}

	@Test
	void aLimitOffsetModelOnThePageNumberEndpointLearnsItsPaging() {
		List<Long> all = new ArrayList<>();
		for (int page = 1; all.size() < 30; page++) {
			all.addAll(truth("/api/v1/tutorial-users/?page=" + page));
		}
		// Asked limit=15&offset=12, the server sent its first page of 10 and linked page
		// 2.
		assertThat(orm.repository(TutorialAsLimitOffset.class).all().slice(12, 27).list())
			.extracting(TutorialAsLimitOffset::id)
			.containsExactlyElementsOf(all.subList(12, 27));
	}

	/**
	 * The tutorial's users, declared with the client's limit-offset pagination.
	 *
	 * @param id the id
	 * @param name the name
	 */
	@dev.apiorm.ApiModel(endpoint = "/api/v1/tutorial-users/")
	record TutorialAsLimitOffset(Long id, String name) {
	}

	private static List<Long> truth(String pathAndQuery) {
		JsonNode page = server.truth(pathAndQuery);
		List<Long> ids = new ArrayList<>();
		page.get("results").forEach((record) -> ids.add(record.get("id").asLong()));
		return ids;
	}

}
