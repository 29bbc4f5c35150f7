package dev.apiorm.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.GetOrCreateResult;
import dev.apiorm.exception.PreconditionFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two writers of one record on the real DRF server, which sends ETags and answers a stale
 * If-Match with 412: the first save wins, the second fails with the first's change in
 * hand and writes nothing; without optimistic locking, or for records read from a page
 * (which carries no ETag per record), both changed fields survive, as PATCHes of changed
 * fields merge; concurrent getOrCreate of one unique value creates one record.
 */
class TwoWritersIT {

	static DrfServer server;

	static ApiOrm first;

	static ApiOrm second;

	String tag = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void start() {
		server = DrfServer.get();
		first = orm(true);
		second = orm(true);
	}

	private static ApiOrm orm(boolean optimisticLocking) {
		return server.client().optimisticLocking(optimisticLocking).build();
	}

	@AfterAll
	static void close() {
		first.close();
		second.close();
	}

	private Member created(ApiRepository<Member> users) {
		return users.create(new Member("Ann " + this.tag, "ann." + this.tag + "@example.com", "member", 30));
	}

	@Test
	void theFirstSaveWinsAndTheSecondGetsTheFirstsChange() {
		ApiRepository<Member> a = first.repository(Member.class);
		ApiRepository<Member> b = second.repository(Member.class);
		long id = created(a).getId();
		Member mine = a.get(id);
		Member theirs = b.get(id);
		mine.setName("Anne " + this.tag);
		theirs.setAge(31);
		a.save(mine);
		assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> b.save(theirs))
			.satisfies((ex) -> assertThat(ex.current()).get()
				.isInstanceOfSatisfying(Member.class,
						(current) -> assertThat(current.getName()).isEqualTo("Anne " + this.tag)));
		JsonNode truth = server.truth("/api/v1/users/" + id + "/");
		assertThat(truth.get("name").asString()).isEqualTo("Anne " + this.tag);
		assertThat(truth.get("age").asInt()).isEqualTo(30);
		// Read again, the second writer's change goes through.
		Member fresh = b.get(id);
		fresh.setAge(31);
		b.save(fresh);
		assertThat(server.truth("/api/v1/users/" + id + "/").get("age").asInt()).isEqualTo(31);
	}

	@Test
	void aStaleDeleteIsRefusedToo() {
		ApiRepository<Member> a = first.repository(Member.class);
		ApiRepository<Member> b = second.repository(Member.class);
		long id = created(a).getId();
		Member mine = a.get(id);
		Member theirs = b.get(id);
		mine.setRole("staff");
		a.save(mine);
		assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> b.delete(theirs));
		assertThat(server.truth("/api/v1/users/" + id + "/").get("role").asString()).isEqualTo("staff");
	}

	@Test
	void withoutOptimisticLockingBothChangedFieldsSurvive() {
		try (ApiOrm unlockedA = orm(false); ApiOrm unlockedB = orm(false)) {
			ApiRepository<Member> a = unlockedA.repository(Member.class);
			ApiRepository<Member> b = unlockedB.repository(Member.class);
			long id = created(a).getId();
			Member mine = a.get(id);
			Member theirs = b.get(id);
			changeDifferentFieldsAndSaveBoth(a, mine, b, theirs);
		}
	}

	@Test
	void writersWhoListedTheRecordEachSaveOnlyTheirChange() {
		ApiRepository<Member> a = first.repository(Member.class);
		ApiRepository<Member> b = second.repository(Member.class);
		long id = created(a).getId();
		String email = "ann." + this.tag + "@example.com";
		// A page carries no ETag per record: what keeps the first change is that each
		// writer PATCHes only the field it changed (a PUT of the whole listed record
		// would put the first writer's name back).
		Member mine = a.filter("email", email).list().get(0);
		Member theirs = b.filter("email", email).stream().findFirst().orElseThrow();
		assertThat(mine.getId()).isEqualTo(id);
		changeDifferentFieldsAndSaveBoth(a, mine, b, theirs);
		assertThat(theirs.getName()).isEqualTo("Anne " + this.tag);
	}

	/**
	 * The first writer renames the record, the second changes its age, each saves: the
	 * server must hold both changes.
	 */
	private void changeDifferentFieldsAndSaveBoth(ApiRepository<Member> a, Member mine, ApiRepository<Member> b,
			Member theirs) {
		mine.setName("Anne " + this.tag);
		theirs.setAge(31);
		a.save(mine);
		b.save(theirs);
		JsonNode truth = server.truth("/api/v1/users/" + mine.getId() + "/");
		assertThat(truth.get("name").asString()).isEqualTo("Anne " + this.tag);
		assertThat(truth.get("age").asInt()).isEqualTo(31);
	}

	@Test
	void twentyConcurrentGetOrCreateOfOneUniqueValueCreateOneRecord() throws Exception {
		String email = "race." + this.tag + "@example.com";
		ExecutorService callers = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<GetOrCreateResult<Member>>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				ApiRepository<Member> users = ((i % 2 == 0) ? first : second).repository(Member.class);
				Callable<GetOrCreateResult<Member>> call = () -> {
					start.await();
					return users.getOrCreate(Map.of("email", email), Map.of("name", "Racer " + this.tag));
				};
				results.add(callers.submit(call));
			}
			start.countDown();
			int created = 0;
			Long id = null;
			for (Future<GetOrCreateResult<Member>> result : results) {
				GetOrCreateResult<Member> outcome = result.get();
				created += outcome.created() ? 1 : 0;
				id = (id == null) ? outcome.object().getId() : id;
				assertThat(outcome.object().getId()).isEqualTo(id);
			}
			assertThat(created).isEqualTo(1);
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(server.truth("/api/v1/users/?email=" + email.replace("@", "%40") + "&limit=10").get("count").asInt())
			.isEqualTo(1);
	}

}
