package dev.apiorm.test.docs;

import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.PrefetchRelated;

/**
 * The repository of the relations example, with a derived query that fetches its novels'
 * authors with its pages.
 */
// tag::prefetch-derived-query[]
public interface NovelApi extends ApiRepository<Novel> {

	@PrefetchRelated("author")
	List<Novel> findByTitleStartingWith(String prefix);

}
// end::prefetch-derived-query[]
