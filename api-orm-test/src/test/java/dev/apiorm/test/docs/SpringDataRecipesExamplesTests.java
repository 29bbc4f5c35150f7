package dev.apiorm.test.docs;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/spring-data.md} beyond the standard interfaces:
 * {@code @ApiQuery} methods and Spring's cache on a repository method, against the fake
 * API, with the requests they send.
 */
@ApiOrmTest(properties = "api-orm.page-size=10")
class SpringDataRecipesExamplesTests {

	@Autowired
	ArticleQueries queries;

	@Autowired
	CachedArticles cached;

	@Autowired
	FakeApi api;

	@BeforeEach
	void seed() {
		this.api.seed(Article.class,
				List.of(new Article("Hello Spring", "published", 150, "ann"),
						new Article("Drafting", "draft", 3, "bob"), new Article("Spring Data", "published", 90, "bot"),
						new Article("Review me", "review", 0, "cy")));
	}

	@Test
	void apiQueries() {
		// tag::api-query-calls[]
		// GET ?status=published&views__gte=100&ordering=-views
		List<Article> popular = queries.popular(100);
		// GET ?status__in=draft,review&limit=1: the first page and the total
		Page<Article> unpublished = queries.unpublished(PageRequest.of(0, 1));
		// end::api-query-calls[]
		long drafts = this.queries.countDrafts();
		assertThat(popular).extracting(Article::getTitle).containsExactly("Hello Spring");
		assertThat(unpublished.getContent()).extracting(Article::getTitle).containsExactly("Drafting");
		assertThat(unpublished.getTotalElements()).isEqualTo(2);
		assertThat(drafts).isEqualTo(1);
		assertThat(this.api.requests()).startsWith(
				"GET /api/v1/articles/?status=published&views__gte=100&ordering=-views&limit=10",
				"GET /api/v1/articles/?status__in=draft,review&limit=1");
	}

	@Test
	void aCachedRepositoryMethodAsksTheApiOnce() {
		Optional<Article> first = this.cached.findByTitle("Drafting");
		Optional<Article> second = this.cached.findByTitle("Drafting");
		assertThat(first).map(Article::getStatus).contains("draft");
		assertThat(second).map(Article::getStatus).contains("draft");
		assertThat(this.api.requests()).containsExactly("GET /api/v1/articles/?title=Drafting&limit=2");
	}

	// tag::enable-caching[]
	@TestConfiguration
	@EnableCaching
	static class CachingConfiguration {

		@Bean
		CacheManager cacheManager() {
			return new ConcurrentMapCacheManager("articles-by-title");
		}

	}
	// end::enable-caching[]

}
