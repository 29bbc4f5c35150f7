package dev.apiorm.test.docs;

// tag::beside-api-repository[]
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

import dev.apiorm.ApiRepository;

public interface ArticleStore extends ApiRepository<Article>, ListCrudRepository<Article, Object>,
		ListPagingAndSortingRepository<Article, Object> {

}
// end::beside-api-repository[]
