package dev.apiorm.conformance;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.PrefetchRelated;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.repository.support.ApiRepositoryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relations against the real DRF server: 1,000 novels of 100 authors (a foreign key that
 * DRF writes as the author's id) in pages of 100, with and without prefetching, through
 * both faces, counting the requests the server saw (its request log of the novels and
 * authors endpoints).
 */
class RelationsIT {

	private static final int NOVELS = 1000;

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
	void selectRelatedSendsTenPagesAndTenBatches() {
		ApiRepository<Novel> novels = orm.repository(Novel.class);
		int before = seen().size();
		long started = System.nanoTime();
		List<Novel> all = novels.all().selectRelated("author").list();
		report("drf, selectRelated, blocking", before, started);
		assertThat(all).hasSize(NOVELS);
		assertThat(all.get(101).getAuthor()).isEqualTo(new Author(2L, "Author 002", "PT"));
		assertThat(all).allSatisfy((novel) -> assertThat(novel.getAuthor().name()).isNotNull());
		List<String> requests = seen().subList(before, seen().size());
		assertThat(requests).hasSize(20);
		assertThat(requests.get(0)).isEqualTo("GET /api/v1/novels/?limit=100");
		assertThat(requests.get(1)).startsWith("GET /api/v1/authors/?id__in=1,2,3,").endsWith(",100&limit=100");
		assertThat(requests.stream().filter((request) -> request.startsWith("GET /api/v1/authors/?id__in=")))
			.hasSize(10);
	}

	@Test
	void prefetchRelatedOnTheReactiveFaceSendsAsFew() {
		ReactiveApiRepository<Novel> novels = orm.reactiveRepository(Novel.class);
		int before = seen().size();
		long started = System.nanoTime();
		List<String> lines = novels.all()
			.prefetchRelated("author")
			.flux()
			.map((novel) -> novel.getTitle() + " by " + novel.getAuthor().name())
			.collectList()
			.block();
		report("drf, prefetchRelated, reactive", before, started);
		assertThat(lines).hasSize(NOVELS).contains("Novel 0101 by Author 002");
		assertThat(seen().size() - before).isEqualTo(20);
	}

	@Test
	void withoutPrefetchingEveryAuthorIsARequest() {
		ApiRepository<Novel> novels = orm.repository(Novel.class);
		int before = seen().size();
		long started = System.nanoTime();
		int named = 0;
		for (Novel novel : novels.all()) {
			named += (novels.related(novel, Novel::getAuthor).name() != null) ? 1 : 0;
		}
		report("drf, related(...) per novel", before, started);
		assertThat(named).isEqualTo(NOVELS);
		List<String> requests = seen().subList(before, seen().size());
		assertThat(requests).hasSize(10 + NOVELS).contains("GET /api/v1/authors/2/");
	}

	@Test
	void aLookupAcrossTheRelationThatTheServerDeclaresIsSentAndAnswered() {
		ApiRepository<Novel> novels = orm.repository(Novel.class);
		List<Novel> portuguese = novels.filter("author__country", "PT")
			.orderBy("author__name", "id")
			.selectRelated("author")
			.slice(0, 150)
			.list();
		assertThat(portuguese).hasSize(150)
			.allSatisfy((novel) -> assertThat(novel.getAuthor().country()).isEqualTo("PT"));
		assertThat(portuguese.get(0).getAuthor().name()).isEqualTo("Author 002");
		assertThat(portuguese.get(149).getAuthor().name()).isEqualTo("Author 030");
	}

	@Test
	void aDerivedQueryAcrossTheRelationIsSentAndVerifiedOnBothFaces() {
		ApiRepositoryFactory factory = new ApiRepositoryFactory(orm.templates());
		int before = seen().size();
		List<Novel> blocking = factory.getRepository(NovelQueries.class)
			.findByAuthorCountryAndAuthorNameStartingWithOrderByAuthorNameDescIdAsc("PT", "Author 00");
		List<Novel> reactive = factory.getRepository(ReactiveNovelQueries.class)
			.findByAuthorCountryAndAuthorNameStartingWithOrderByAuthorNameDescIdAsc("PT", "Author 00")
			.collectList()
			.block();
		// Authors 002, 004, 006 and 008 are Portuguese, ten novels each.
		assertThat(blocking).hasSize(40)
			.extracting(Novel::getId)
			.isEqualTo(reactive.stream().map(Novel::getId).toList());
		assertThat(blocking.get(0).getAuthor()).isEqualTo(new Author(8L, "Author 008", "PT"));
		assertThat(blocking.get(39).getAuthor()).isEqualTo(new Author(2L, "Author 002", "PT"));
		List<String> requests = seen().subList(before, seen().size());
		assertThat(requests).hasSize(4);
		assertThat(requests.get(0)).isEqualTo(
				"GET /api/v1/novels/?author__country=PT&author__name__startswith=Author%2000&ordering=-author__name,id&limit=100");
		assertThat(requests.get(1)).isEqualTo("GET /api/v1/authors/?id__in=8,6,4,2&limit=100");
	}

	@Test
	void aToManyIsPrefetchedWithOneBatchPerPageBesideTheToOneOnTheReactiveFace() {
		ReactiveApiRepository<Novel> novels = orm.reactiveRepository(Novel.class);
		int before = seen().size();
		long started = System.nanoTime();
		List<Novel> all = novels.all().prefetchRelated("author", "tags").flux().collectList().block();
		report("drf, prefetchRelated author and tags, reactive", before, started);
		assertThat(all).hasSize(NOVELS);
		// Novel 0101 (id 102) is by author 2 and tagged 2 and 5.
		Novel novel = all.get(101);
		assertThat(novel.getAuthor()).isEqualTo(new Author(2L, "Author 002", "PT"));
		assertThat(novel.getTags()).containsExactly(new Tag(2L, "tag-02"), new Tag(5L, "tag-05"));
		List<String> requests = seen().subList(before, seen().size());
		assertThat(requests).hasSize(30);
		assertThat(requests.get(2)).isEqualTo("GET /api/v1/tags/?id__in=1,4,2,5,3,6,7,8,9,10&limit=100");
		assertThat(requests.stream().filter((request) -> request.startsWith("GET /api/v1/tags/?id__in="))).hasSize(10);
	}

	@Test
	void aChangedToManyIsAPatchOfItsIds() {
		ApiRepository<Novel> novels = orm.repository(Novel.class);
		Novel novel = novels.get(1000);
		List<Tag> tags = novel.getTags();
		int before = seen().size();
		try {
			novel.setTags(List.of(new Tag(7L, null)));
			novels.save(novel);
			assertThat(novels.all().prefetchRelated("tags").get("title", "Novel 0999").getTags())
				.containsExactly(new Tag(7L, "tag-07"));
			assertThat(seen().subList(before, seen().size())).startsWith("PATCH /api/v1/novels/1000/");
		}
		finally {
			novel.setTags(tags);
			novels.save(novel);
		}
	}

	interface NovelQueries extends ApiRepository<Novel> {

		@PrefetchRelated("author")
		List<Novel> findByAuthorCountryAndAuthorNameStartingWithOrderByAuthorNameDescIdAsc(String country,
				String prefix);

	}

	interface ReactiveNovelQueries extends ReactiveApiRepository<Novel> {

		@PrefetchRelated("author")
		Flux<Novel> findByAuthorCountryAndAuthorNameStartingWithOrderByAuthorNameDescIdAsc(String country,
				String prefix);

	}

	private static List<String> seen() {
		JsonNode lines = server.truth("/api/seen-requests/");
		return lines.valueStream().map(JsonNode::asString).toList();
	}

	private static void report(String what, int before, long started) {
		System.out.printf("relations, %s: %d requests in %d ms%n", what, seen().size() - before,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

}
