package dev.apiorm.test.docs;

// tag::api-query[]
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import dev.apiorm.ApiQuery;
import dev.apiorm.ApiRepository;

public interface ArticleQueries extends ApiRepository<Article> {

	@ApiQuery(value = { "status=published", "views__gte=:views" }, orderBy = "-views")
	List<Article> popular(int views);

	@ApiQuery("status__in=draft,review")
	Page<Article> unpublished(Pageable pageable);

	@ApiQuery("status=draft")
	long countDrafts();

}
// end::api-query[]
