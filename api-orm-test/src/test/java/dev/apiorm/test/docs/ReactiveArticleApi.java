package dev.apiorm.test.docs;

import dev.apiorm.ReactiveApiRepository;

/**
 * The reactive twin of {@link ArticleApi}.
 */
public interface ReactiveArticleApi extends ReactiveApiRepository<Article> {

}
