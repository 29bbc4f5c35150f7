package dev.apiorm.test.docs;

// tag::repository[]
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import dev.apiorm.ApiRepository;

public interface ArticleApi extends ApiRepository<Article> {

	Optional<Article> findByTitle(String title);

	List<Article> findByStatusOrderByViewsDesc(String status);

	Page<Article> findByViewsGreaterThanEqual(int views, Pageable pageable);

	long countByStatus(String status);

	boolean existsByAuthorName(String authorName);

}
// end::repository[]
