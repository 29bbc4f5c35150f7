package dev.apiorm.test.docs;

// tag::cache[]
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;

import dev.apiorm.ApiRepository;

public interface CachedArticles extends ApiRepository<Article> {

	@Cacheable("articles-by-title")
	Optional<Article> findByTitle(String title);

}
// end::cache[]
