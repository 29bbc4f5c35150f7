package dev.apiorm.test.docs;

import java.util.List;

import dev.apiorm.ApiRepository;
import dev.apiorm.PrefetchRelated;

/**
 * The repository of the relations example, with derived queries that fetch their novels'
 * authors with their pages, one of them filtering and ordering across the relation.
 */
// tag::prefetch-derived-query[]
public interface NovelApi extends ApiRepository<Novel> {

	@PrefetchRelated("author")
	List<Novel> findByTitleStartingWith(String prefix);

	// GET /api/v1/novels/?author__country=PT&author__name__startswith=Author%201
	// &ordering=-author__name
	@PrefetchRelated("author")
	List<Novel> findByAuthorCountryAndAuthorNameStartingWithOrderByAuthorNameDesc(String country, String prefix);

}
// end::prefetch-derived-query[]
