package dev.apiorm.conformance;

import java.util.List;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relations written as links, against the real DRF server: its novels again, their author
 * written by {@code HyperlinkedRelatedField} as
 * {@code http://127.0.0.1:port/api/v1/authors/7/}. Counts the requests the server saw.
 */
class HyperlinkedRelationsIT {

	static DrfServer server;

	static ApiOrm orm;

	@BeforeAll
	static void start() {
		server = DrfServer.get();
		orm = server.client().pageSize(100).build();
	}

	@AfterAll
	static void close() {
		orm.close();
	}

	@Test
	void linkedAuthorsArePrefetchedByTheIdsTheLinksNameAndLookupsAcrossThemAreVerified() {
		ReactiveApiRepository<LinkedNovel> novels = orm.reactiveRepository(LinkedNovel.class);
		int before = seen().size();
		List<LinkedNovel> portuguese = novels.filter("author__country", "PT")
			.selectRelated("author")
			.slice(0, 150)
			.list()
			.block();
		assertThat(portuguese).hasSize(150)
			.allSatisfy((novel) -> assertThat(novel.getAuthor().country()).isEqualTo("PT"));
		assertThat(portuguese.get(0).getAuthor()).isEqualTo(new Author(2L, "Author 002", "PT"));
		List<String> requests = seen().subList(before, seen().size());
		assertThat(requests).hasSize(4);
		assertThat(requests.get(0)).isEqualTo("GET /api/v1/linked-novels/?author__country=PT&limit=100");
		assertThat(requests.get(1)).startsWith("GET /api/v1/authors/?id__in=2,4,6,");
	}

	@Test
	void aNewNovelsAuthorIsWrittenAsItsPathAndAChangeIsAPatchOfIt() {
		ApiRepository<LinkedNovel> linked = orm.repository(LinkedNovel.class);
		ApiRepository<Novel> plain = orm.repository(Novel.class);
		LinkedNovel novel = new LinkedNovel();
		novel.setTitle("Linked 1");
		novel.setAuthor(new Author(3L, null, null));
		int before = seen().size();
		LinkedNovel created = linked.create(novel);
		try {
			assertThat(plain.get(created.getId()).getAuthor().id()).isEqualTo(3L);
			created.setAuthor(new Author(4L, null, null));
			linked.save(created);
			assertThat(plain.get(created.getId()).getAuthor().id()).isEqualTo(4L);
			assertThat(seen().subList(before, seen().size())).containsExactly("POST /api/v1/linked-novels/",
					"GET /api/v1/novels/" + created.getId() + "/",
					"PATCH /api/v1/linked-novels/" + created.getId() + "/",
					"GET /api/v1/novels/" + created.getId() + "/");
		}
		finally {
			linked.delete(created);
		}
	}

	private static List<String> seen() {
		JsonNode lines = server.truth("/api/seen-requests/");
		return lines.valueStream().map(JsonNode::asString).toList();
	}

}
