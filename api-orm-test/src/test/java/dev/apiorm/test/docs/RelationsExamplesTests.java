package dev.apiorm.test.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;

import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relations examples ({@code docs/relations.md}): 1,000 novels of 100 authors, read
 * in pages of 100, with and without prefetching, counting the requests the API saw.
 */
@ApiOrmTest
class RelationsExamplesTests {

	private static final int NOVELS = 1000;

	@Autowired
	FakeApi api;

	@Autowired
	ApiRepository<Novel> novels;

	@Autowired
	ReactiveApiRepository<Novel> reactiveNovels;

	@Autowired
	NovelApi novelApi;

	@BeforeEach
	void seed() {
		List<Author> authors = new ArrayList<>();
		for (long id = 1; id <= 100; id++) {
			authors.add(new Author(id, "Author " + id, (id % 2 == 0) ? "PT" : "BR"));
		}
		this.api.seed(Author.class, authors);
		List<Novel> novels = new ArrayList<>();
		for (int i = 0; i < NOVELS; i++) {
			novels.add(new Novel("Novel " + i, authors.get(i % 100)));
		}
		this.api.seed(Novel.class, novels);
	}

	@Test
	void withoutPrefetchingEveryAuthorIsARequest() {
		long started = System.nanoTime();
		// tag::n-plus-one[]
		Map<String, String> authorOfTitle = new java.util.HashMap<>();
		for (Novel novel : novels.all()) { // 10 pages of 100
			Author author = novels.related(novel, Novel::getAuthor); // one GET per novel
			authorOfTitle.put(novel.getTitle(), author.name());
		}
		// end::n-plus-one[]
		report("without prefetching", started);
		assertThat(authorOfTitle).hasSize(NOVELS).containsEntry("Novel 101", "Author 2");
		assertThat(this.api.requests()).hasSize(10 + NOVELS);
		assertThat(this.api.requests().stream().filter((request) -> request.startsWith("GET /api/v1/authors/")))
			.hasSize(NOVELS);
	}

	@Test
	void selectRelatedSendsOneRequestPerPageForTheAuthors() {
		long started = System.nanoTime();
		// tag::select-related[]
		Map<String, String> authorOfTitle = new java.util.HashMap<>();
		// 10 pages + 10 batches of authors
		for (Novel novel : novels.all().selectRelated("author")) {
			authorOfTitle.put(novel.getTitle(), novel.getAuthor().name());
		}
		// end::select-related[]
		report("selectRelated", started);
		assertThat(authorOfTitle).hasSize(NOVELS).containsEntry("Novel 101", "Author 2");
		List<String> requests = this.api.requests();
		assertThat(requests).hasSize(20);
		assertThat(requests.get(0)).isEqualTo("GET /api/v1/novels/?limit=100");
		assertThat(requests.get(1)).startsWith("GET /api/v1/authors/?id__in=1,2,3,").endsWith(",100&limit=100");
	}

	@Test
	void prefetchRelatedOnTheReactiveFaceSendsAsFew() {
		long started = System.nanoTime();
		// tag::prefetch-related-reactive[]
		Flux<String> lines = reactiveNovels.filter("title__startswith", "Novel")
			.prefetchRelated("author")
			.flux()
			.map((novel) -> novel.getTitle() + " by " + novel.getAuthor().name());
		// end::prefetch-related-reactive[]
		List<String> all = lines.collectList().block();
		report("prefetchRelated, reactive", started);
		assertThat(all).hasSize(NOVELS).contains("Novel 101 by Author 2");
		assertThat(this.api.requests()).hasSize(20);
	}

	@Test
	void aDerivedQueryPrefetchesAsItsAnnotationSays() {
		List<Novel> found = this.novelApi.findByTitleStartingWith("Novel 10");
		assertThat(found).hasSize(11).allSatisfy((novel) -> assertThat(novel.getAuthor().name()).startsWith("Author "));
		assertThat(this.api.requests()).containsExactly("GET /api/v1/novels/?title__startswith=Novel%2010&limit=100",
				"GET /api/v1/authors/?id__in=11,1,2,3,4,5,6,7,8,9,10&limit=100");
	}

	@Test
	void relatedFetchesOneAuthorOnceAndAChangedAuthorIsAPatchOfItsId() {
		Novel novel = this.novels.get("title", "Novel 5");
		// tag::related[]
		// GET /api/v1/authors/6/, once
		Author author = novels.related(novel, Novel::getAuthor);
		// end::related[]
		assertThat(this.novels.related(novel, Novel::getAuthor)).isSameAs(author);
		novel.setAuthor(new Author(7L, "Author 7", "BR"));
		this.novels.save(novel);
		assertThat(this.api.requests()).containsExactly("GET /api/v1/novels/?title=Novel%205&limit=2",
				"GET /api/v1/authors/6/", "PATCH /api/v1/novels/6/ {\"author\":7}");
	}

	@Test
	void theFakeAnswersALookupAcrossTheRelationAsADeclaredFilterDoes() {
		List<Novel> portuguese = this.novels.filter("author__country", "PT").selectRelated("author").list();
		assertThat(portuguese).hasSize(500)
			.allSatisfy((novel) -> assertThat(novel.getAuthor().country()).isEqualTo("PT"));
		assertThat(this.novels.filter("author__name__startswith", "Author 10").count()).isEqualTo(20);
		assertThat(this.api.requests().get(0)).isEqualTo("GET /api/v1/novels/?author__country=PT&limit=100");
	}

	@Test
	void aDerivedQueryAcrossTheRelationSendsTheRelationsPath() {
		List<Novel> found = this.novelApi.findByAuthorCountryAndAuthorNameStartingWithOrderByAuthorNameDesc("PT",
				"Author 1");
		// authors 10, 12, ..., 18 and 100 (ten novels each), the highest name first
		assertThat(found).hasSize(60).allSatisfy((novel) -> assertThat(novel.getAuthor().country()).isEqualTo("PT"));
		assertThat(found.get(0).getAuthor().name()).isEqualTo("Author 18");
		assertThat(found.get(59).getAuthor().name()).isEqualTo("Author 10");
		assertThat(this.api.requests().get(0)).isEqualTo(
				"GET /api/v1/novels/?author__country=PT&author__name__startswith=Author%201&ordering=-author__name&limit=100");
	}

	private void report(String what, long started) {
		System.out.printf("relations example, %s: %d requests in %d ms%n", what, this.api.requests().size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

}
