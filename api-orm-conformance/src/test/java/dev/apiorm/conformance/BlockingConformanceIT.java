package dev.apiorm.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.GetOrCreateResult;
import dev.apiorm.Q;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.UnauthorizedException;
import dev.apiorm.exception.ValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every example of the seed's documentation, blocking, against a real DRF server; results
 * are checked against what the server itself answers.
 */
class BlockingConformanceIT {

	static DrfServer server;

	static ApiOrm orm;

	ApiRepository<Member> users;

	ApiRepository<Article> posts;

	String tag;

	@BeforeAll
	static void start() {
		server = DrfServer.get();
		orm = server.client().drfNegationSuffix("n").pageSize(3).build();
	}

	@AfterAll
	static void close() {
		orm.close();
	}

	@BeforeEach
	void repositories() {
		this.users = orm.repository(Member.class);
		this.posts = orm.repository(Article.class);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private String email(String name) {
		return name.toLowerCase() + "." + this.tag + "@example.com";
	}

	private List<Member> createFive() {
		List<Member> members = new ArrayList<>();
		String[] names = { "Alice", "Bob", "Carol", "Dave", "Erin" };
		int[] ages = { 34, 17, 41, 25, 62 };
		String[] roles = { "admin", "member", "member", "staff", "banned" };
		for (int i = 0; i < names.length; i++) {
			members.add(new Member(names[i] + " " + this.tag, email(names[i]), roles[i], ages[i]));
		}
		return this.users.bulkCreate(members);
	}

	@Test
	void creating() {
		Member created = this.users.create(new Member("Ann " + this.tag, email("ann"), null, 30));
		assertThat(created.getId()).isNotNull();
		// Server defaults apply to what was not sent: role and active.
		assertThat(created.getRole()).isEqualTo("member");
		assertThat(created.getActive()).isTrue();
		assertThat(created.getCreatedAt()).isNotNull();
		JsonNode truth = server.truth("/api/v1/users/" + created.getId() + "/");
		assertThat(truth.get("email").asString()).isEqualTo(email("ann"));

		Member fromMap = this.users.create(Map.of("name", "Map " + this.tag, "email", email("map")));
		assertThat(fromMap.getName()).isEqualTo("Map " + this.tag);

		GetOrCreateResult<Member> existing = this.users.getOrCreate(Map.of("email", email("ann")),
				Map.of("name", "Other"));
		assertThat(existing.created()).isFalse();
		assertThat(existing.object().getId()).isEqualTo(created.getId());
		GetOrCreateResult<Member> fresh = this.users.getOrCreate(Map.of("email", email("new")),
				Map.of("name", "New " + this.tag, "age", 20));
		assertThat(fresh.created()).isTrue();
		assertThat(server.truth("/api/v1/users/" + fresh.object().getId() + "/").get("age").asInt()).isEqualTo(20);

		GetOrCreateResult<Member> updated = this.users.updateOrCreate(Map.of("email", email("ann")), Map.of("age", 31));
		assertThat(updated.created()).isFalse();
		assertThat(server.truth("/api/v1/users/" + created.getId() + "/").get("age").asInt()).isEqualTo(31);

		List<Member> bulk = createFive();
		assertThat(bulk).extracting(Member::getEmail)
			.containsExactly(email("Alice"), email("Bob"), email("Carol"), email("Dave"), email("Erin"));
		assertThat(server.truth("/api/v1/users/?email__icontains=" + this.tag + "&limit=1").get("count").asLong())
			.isEqualTo(8);
	}

	@Test
	void retrieving() {
		List<Member> five = createFive();
		var mine = this.users.filter("email__icontains", this.tag);
		assertThat(mine.count()).isEqualTo(5);
		assertThat(mine.exists()).isTrue();
		assertThat(this.users.filter("email", "nobody." + this.tag + "@example.com").exists()).isFalse();
		assertThat(this.users.get(five.get(2).getId()).getName()).isEqualTo("Carol " + this.tag);
		assertThat(this.users.get("email", email("Dave")).getAge()).isEqualTo(25);
		assertThat(mine.first()).get()
			.extracting(Member::getId)
			.isEqualTo(five.stream().map(Member::getId).min(Long::compare).orElseThrow());
		assertThat(mine.last()).get()
			.extracting(Member::getId)
			.isEqualTo(five.stream().map(Member::getId).max(Long::compare).orElseThrow());
		List<String> byName = mine.orderBy("name").list().stream().map(Member::getName).toList();
		assertThat(mine.orderBy("name").slice(1, 3).list()).extracting(Member::getName)
			.containsExactlyElementsOf(byName.subList(1, 3));
		assertThat(mine.orderBy("name").at(4).getName()).isEqualTo(byName.get(4));
		assertThat(mine.orderBy("name").limit(2).list()).hasSize(2);
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> mine.orderBy("name").at(5));
		assertThat(mine).hasSize(5);
	}

	@Test
	void lookupsAndOrdering() {
		createFive();
		var mine = this.users.filter("email__icontains", this.tag);
		assertNames(mine.filter("age__gte", 25).orderBy("age"), "age__gte=25&ordering=age");
		assertNames(mine.filter("age__gt", 25).orderBy("-age"), "age__gt=25&ordering=-age");
		assertNames(mine.filter("age__lt", 30).orderBy("name"), "age__lt=30&ordering=name");
		assertNames(mine.filter("age__lte", 34).orderBy("name"), "age__lte=34&ordering=name");
		assertNames(mine.filter("age__range", List.of(20, 40)).orderBy("name"), "age__range=20,40&ordering=name");
		assertNames(mine.filter("role__in", List.of("admin", "staff")).orderBy("name"),
				"role__in=admin,staff&ordering=name");
		assertNames(mine.filter("name__startswith", "Ca").orderBy("name"), "name__startswith=Ca&ordering=name");
		assertNames(mine.filter("name__icontains", "AL").orderBy("name"), "name__icontains=AL&ordering=name");
		assertNames(mine.filter("name__contains", "ob").orderBy("name"), "name__contains=ob&ordering=name");
		assertNames(mine.filter("name__iexact", "bob " + this.tag).orderBy("name"),
				"name__iexact=bob%20" + this.tag + "&ordering=name");
		assertNames(mine.filter("age__isnull", false).orderBy("-name"), "age__isnull=false&ordering=-name");
		assertNames(mine.exclude("role", "banned").orderBy("name", "-age"), "role__n=banned&ordering=name,-age");
		assertNames(mine.filter(Q.of("active", true).and(Q.of("age__gte", 18))).orderBy("age"),
				"active=true&age__gte=18&ordering=age");
		assertThat(mine.exclude("role", "banned").count()).isEqualTo(4);
	}

	private void assertNames(dev.apiorm.QuerySet<Member> query, String drfQuery) {
		JsonNode truth = server.truth("/api/v1/users/?email__icontains=" + this.tag + "&" + drfQuery + "&limit=100");
		List<String> expected = new ArrayList<>();
		truth.get("results").forEach((record) -> expected.add(record.get("name").asString()));
		assertThat(query.list()).extracting(Member::getName).as(drfQuery).containsExactlyElementsOf(expected);
	}

	@Test
	void valuesAndValuesList() {
		createFive();
		var mine = this.users.filter("email__icontains", this.tag).orderBy("age");
		assertThat(mine.values("name", "age")).containsExactly(Map.of("name", "Bob " + this.tag, "age", 17),
				Map.of("name", "Dave " + this.tag, "age", 25), Map.of("name", "Alice " + this.tag, "age", 34),
				Map.of("name", "Carol " + this.tag, "age", 41), Map.of("name", "Erin " + this.tag, "age", 62));
		assertThat(mine.valuesList("role", "age").get(0)).containsExactly("member", 17);
		assertThat(mine.valuesListFlat("age", Integer.class)).containsExactly(17, 25, 34, 41, 62);
		assertThat(mine.values("createdAt").get(0)).containsOnlyKeys("created_at");
	}

	@Test
	void updating() {
		Member alice = createFive().get(0);
		alice.setName("Alicia " + this.tag);
		alice.setAge(35);
		this.users.save(alice);
		JsonNode truth = server.truth("/api/v1/users/" + alice.getId() + "/");
		assertThat(truth.get("name").asString()).isEqualTo("Alicia " + this.tag);
		assertThat(truth.get("age").asInt()).isEqualTo(35);

		alice.setEmail(email("alicia"));
		alice.setAge(99);
		this.users.save(alice, "email");
		truth = server.truth("/api/v1/users/" + alice.getId() + "/");
		assertThat(truth.get("email").asString()).isEqualTo(email("alicia"));
		assertThat(truth.get("age").asInt()).isEqualTo(35);
		assertThat(alice.getAge()).isEqualTo(35);

		alice.setName("stale");
		this.users.refresh(alice);
		assertThat(alice.getName()).isEqualTo("Alicia " + this.tag);
	}

	@Test
	void deleting() {
		List<Member> five = createFive();
		this.users.delete(five.get(0));
		this.users.deleteById(five.get(1).getId());
		assertThat(this.users.filter("email__icontains", this.tag).count()).isEqualTo(3);
		assertThat(server.truth("/api/v1/users/" + five.get(0).getId() + "/").get("detail").asString())
			.isEqualTo("Not found.");
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> this.users.get(five.get(0).getId()));
		// A missing record by id is DoesNotExist whatever the method.
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> this.users.delete(five.get(0)));
	}

	@Test
	void postsOnPageNumberPagination() {
		Member author = createFive().get(0);
		List<Article> articles = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			articles.add(new Article(null, "Post " + i + " " + this.tag, "body", i % 2 == 0, author.getId()));
		}
		this.posts.bulkCreate(articles);
		var mine = this.posts.filter("author", author.getId());
		assertThat(mine.count()).isEqualTo(7);
		assertThat(mine.orderBy("title").list()).extracting(Article::title).hasSize(7).isSorted();
		assertThat(mine.filter("published", true).count()).isEqualTo(4);
		assertThat(mine.orderBy("title").slice(2, 6).list()).extracting(Article::title)
			.containsExactly("Post 2 " + this.tag, "Post 3 " + this.tag, "Post 4 " + this.tag, "Post 5 " + this.tag);
	}

	@Test
	void errors() {
		createFive();
		// Passes client-side validation; the server's unique constraint rejects it.
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.users.create(Map.of("name", "Dup", "email", email("Alice"), "age", -1)))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).containsOnlyKeys("email")
				.extractingByKey("email")
				.asList()
				.first()
				.asString()
				.contains("already exists"));
		// Client-side validation: nothing is sent.
		long before = server.truth("/api/v1/users/?limit=1").get("count").asLong();
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.users.create(new Member("", "not-an-email", null, 1)));
		assertThat(server.truth("/api/v1/users/?limit=1").get("count").asLong()).isEqualTo(before);
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> this.users.get(999_999_999L));
		assertThatExceptionOfType(DoesNotExistException.class)
			.isThrownBy(() -> this.users.get("email", "nobody." + this.tag + "@example.com"));
		assertThatExceptionOfType(MultipleObjectsReturnedException.class)
			.isThrownBy(() -> this.users.filter("email__icontains", this.tag).get("role", "member"));
		try (ApiOrm wrongToken = ApiOrm.builder()
			.baseUrl(server.baseUrl())
			.token("wrong")
			.authScheme("Token")
			.build()) {
			assertThatExceptionOfType(UnauthorizedException.class)
				.isThrownBy(() -> wrongToken.repository(Member.class).count())
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("Invalid token").doesNotContain("wrong"));
		}
	}

}
