package dev.apiorm.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.apiorm.ApiOrm;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.exception.BadRequestException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.UnauthorizedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's documentation examples through the reactive repository, against a real DRF
 * server, with the seed's concurrent use ({@code Mono.zip}).
 */
class ReactiveConformanceIT {

	static DrfServer server;

	static ApiOrm orm;

	ReactiveApiRepository<Member> users;

	ReactiveApiRepository<Article> posts;

	String tag;

	@BeforeAll
	static void start() {
		server = DrfServer.get();
		orm = server.client().drfNegationSuffix("n").pageSize(2).build();
	}

	@AfterAll
	static void close() {
		orm.close();
	}

	@BeforeEach
	void repositories() {
		this.users = orm.reactiveRepository(Member.class);
		this.posts = orm.reactiveRepository(Article.class);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private String email(String name) {
		return name.toLowerCase() + "." + this.tag + "@example.com";
	}

	private List<Member> createFour() {
		List<Member> members = List.of(new Member("Alice " + this.tag, email("alice"), "admin", 34),
				new Member("Bob " + this.tag, email("bob"), "member", 17),
				new Member("Carol " + this.tag, email("carol"), "member", 41),
				new Member("Dave " + this.tag, email("dave"), "staff", 25));
		return this.users.bulkCreate(members).collectList().block();
	}

	@Test
	void creatingConcurrentlyAndGetOrCreate() {
		List<Member> created = Flux.range(0, 6)
			.flatMap((i) -> this.users.create(new Member("C" + i + " " + this.tag, email("c" + i), null, i)))
			.collectList()
			.block();
		assertThat(created).extracting(Member::getId).doesNotHaveDuplicates().hasSize(6);
		assertThat(server.truth("/api/v1/users/?email__icontains=" + this.tag + "&limit=1").get("count").asLong())
			.isEqualTo(6);
		StepVerifier.create(this.users.getOrCreate(Map.of("email", email("c1")), Map.of("name", "x")))
			.assertNext((result) -> assertThat(result.created()).isFalse())
			.verifyComplete();
		StepVerifier.create(this.users.updateOrCreate(Map.of("email", email("zed")), Map.of("name", "Zed " + this.tag)))
			.assertNext((result) -> assertThat(result.created()).isTrue())
			.verifyComplete();
	}

	@Test
	void retrievingWithZip() {
		List<Member> four = createFour();
		var mine = this.users.filter("email__icontains", this.tag);
		StepVerifier
			.create(Mono.zip(this.users.get(four.get(0).getId()), this.users.get(four.get(1).getId()), mine.count(),
					mine.exists()))
			.assertNext((all) -> {
				assertThat(all.getT1().getName()).isEqualTo("Alice " + this.tag);
				assertThat(all.getT2().getName()).isEqualTo("Bob " + this.tag);
				assertThat(all.getT3()).isEqualTo(4L);
				assertThat(all.getT4()).isTrue();
			})
			.verifyComplete();
		StepVerifier.create(mine.orderBy("age").first().map(Member::getAge)).expectNext(17).verifyComplete();
		StepVerifier.create(mine.orderBy("age").last().map(Member::getAge)).expectNext(41).verifyComplete();
		StepVerifier.create(mine.orderBy("age").at(2).map(Member::getAge)).expectNext(34).verifyComplete();
		StepVerifier.create(mine.orderBy("age").slice(1, 3).flux().map(Member::getAge))
			.expectNext(25, 34)
			.verifyComplete();
		StepVerifier.create(mine.exclude("role", "member").orderBy("-age").valuesListFlat("age", Integer.class))
			.expectNext(List.of(34, 25))
			.verifyComplete();
		JsonNode truth = server
			.truth("/api/v1/users/?email__icontains=" + this.tag + "&role__in=admin,staff" + "&ordering=name&limit=10");
		List<String> expected = new ArrayList<>();
		truth.get("results").forEach((record) -> expected.add(record.get("email").asString()));
		StepVerifier
			.create(Flux.from(mine.filter("role__in", List.of("admin", "staff")).orderBy("name"))
				.map(Member::getEmail)
				.collectList())
			.expectNext(expected)
			.verifyComplete();
	}

	@Test
	void updatingAndDeleting() {
		Member bob = createFour().get(1);
		bob.setEmail(email("robert"));
		StepVerifier.create(this.users.save(bob, "email").map(Member::getEmail))
			.expectNext(email("robert"))
			.verifyComplete();
		assertThat(server.truth("/api/v1/users/" + bob.getId() + "/").get("email").asString())
			.isEqualTo(email("robert"));
		bob.setName("stale");
		StepVerifier.create(this.users.refresh(bob).map(Member::getName))
			.expectNext("Bob " + this.tag)
			.verifyComplete();
		StepVerifier.create(this.users.delete(bob)).verifyComplete();
		StepVerifier.create(this.users.get(bob.getId())).expectError(DoesNotExistException.class).verify();
	}

	@Test
	void errors() {
		createFour();
		StepVerifier.create(this.users.create(Map.of("name", "Dup", "email", email("alice"))))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).fieldErrors()).containsKey("email"))
			.verify();
		StepVerifier.create(this.users.filter("email__icontains", this.tag).get("role", "member"))
			.expectError(MultipleObjectsReturnedException.class)
			.verify();
		StepVerifier.create(this.users.get("email", email("nobody"))).expectError(DoesNotExistException.class).verify();
		try (ApiOrm wrongToken = ApiOrm.builder().baseUrl(server.baseUrl()).token("nope").authScheme("Token").build()) {
			StepVerifier.create(wrongToken.reactiveRepository(Member.class).count())
				.expectError(UnauthorizedException.class)
				.verify();
		}
	}

	@Test
	void postsOnPageNumberPagination() {
		Member author = createFour().get(0);
		List<Article> articles = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			articles.add(new Article(null, "R" + i + " " + this.tag, "", true, author.getId()));
		}
		StepVerifier.create(this.posts.bulkCreate(articles).map(Article::title))
			.expectNext("R0 " + this.tag, "R1 " + this.tag, "R2 " + this.tag, "R3 " + this.tag, "R4 " + this.tag)
			.verifyComplete();
		StepVerifier.create(this.posts.filter("author", author.getId()).orderBy("-title").flux().map(Article::title))
			.expectNext("R4 " + this.tag, "R3 " + this.tag, "R2 " + this.tag, "R1 " + this.tag, "R0 " + this.tag)
			.verifyComplete();
	}

}
