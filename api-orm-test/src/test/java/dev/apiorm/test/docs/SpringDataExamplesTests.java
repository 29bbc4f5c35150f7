package dev.apiorm.test.docs;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.Sort;

import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/spring-data.md}: Spring Data's standard interfaces and
 * Query by Example against the fake API, with the requests they send.
 */
@ApiOrmTest(properties = "api-orm.page-size=10")
class SpringDataExamplesTests {

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	ArticleStore store;

	@Autowired
	FakeApi api;

	@BeforeEach
	void seed() {
		this.api.seed(Article.class, List.of(new Article("Hello Spring", "published", 150, "ann"),
				new Article("Drafting", "draft", 3, "bob"), new Article("Spring Data", "published", 90, "bot")));
	}

	@Test
	void standardInterfaces() {
		// tag::crud[]
		// GET ?id__in=1,3 (one GET per id where the API has no such filter)
		List<Article> some = catalog.findAllById(List.of(1L, 3L));
		// GET ?ordering=views, every page
		List<Article> sorted = catalog.findAll(Sort.by("views"));
		// GET ?limit=1: the envelope's count
		long total = catalog.count();
		// DELETE /api/v1/articles/2/
		catalog.deleteAllById(List.of(2L));
		// end::crud[]
		assertThat(some).extracting(Article::getTitle).containsExactlyInAnyOrder("Hello Spring", "Spring Data");
		assertThat(sorted).extracting(Article::getViews).containsExactly(3, 90, 150);
		assertThat(total).isEqualTo(3);
		assertThat(this.api.requests()).containsExactly("GET /api/v1/articles/?id__in=1,3&limit=10",
				"GET /api/v1/articles/?ordering=views&limit=10", "GET /api/v1/articles/?limit=1",
				"DELETE /api/v1/articles/2/");
		assertThat(this.store.filter("status", "published").count()).isEqualTo(2);
		assertThat(this.store.findAllById(List.of(3))).extracting(Article::getTitle).containsExactly("Spring Data");
	}

	@Test
	void queryByExample() {
		// tag::query-by-example[]
		Article probe = new Article();
		probe.setTitle("spring");
		ExampleMatcher matcher = ExampleMatcher.matching()
			.withStringMatcher(ExampleMatcher.StringMatcher.CONTAINING)
			.withIgnoreCase();
		// GET ?title__icontains=spring
		List<Article> matching = catalog.findAll(Example.of(probe, matcher));
		// end::query-by-example[]
		assertThat(matching).extracting(Article::getTitle).containsExactly("Hello Spring", "Spring Data");
		assertThat(this.api.requests()).containsExactly("GET /api/v1/articles/?title__icontains=spring&limit=10");
	}

}
