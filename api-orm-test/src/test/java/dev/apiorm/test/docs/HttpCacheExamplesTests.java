package dev.apiorm.test.docs;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.core.HttpCacheSettings;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/http-cache.md}: an HTTP cache without Spring Boot, whose
 * second read revalidates the first's answer with its ETag.
 */
@ApiOrmTest
class HttpCacheExamplesTests {

	@Autowired
	FakeApi api;

	@Test
	void aSecondReadRevalidatesWithTheETagOfTheFirst() {
		this.api.seed(Article.class, List.of(new Article("One", "published", 1, "ann")));
		String baseUrl = this.api.baseUrl();
		// tag::http-cache[]
		// Any CacheManager: Caffeine in one JVM, Redis shared by all
		ConcurrentMapCacheManager caches = new ConcurrentMapCacheManager("api-orm");
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(baseUrl)
			.cacheManager(caches)
			.options((options) -> options.withCache(HttpCacheSettings.DEFAULTS.withEnabled(true)))
			.build()) {
			ApiRepository<Article> articles = orm.repository(Article.class);
			articles.get(1);
			// The answer had an ETag and no max-age: this read sends If-None-Match,
			// and a 304 would be answered from the cache.
			articles.get(1);
		}
		// end::http-cache[]
		assertThat(this.api.requests()).containsExactly("GET /api/v1/articles/1/", "GET /api/v1/articles/1/");
		assertThat(this.api.requestHeaders("If-None-Match")).containsExactly(null, "\"1\"");
	}

}
