package dev.apiorm.test.docs;

// tag::standard-interfaces[]
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.query.ListQueryByExampleExecutor;

public interface ArticleCatalog extends ListCrudRepository<Article, Long>,
		ListPagingAndSortingRepository<Article, Long>, ListQueryByExampleExecutor<Article> {

	List<Article> findByStatus(String status);

}
// end::standard-interfaces[]
