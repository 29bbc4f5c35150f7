package dev.apiorm.conformance.spring;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

/**
 * The books, exported by Spring Data REST at {@code /rest/books} and served by
 * {@link BookController} at {@code /page/books}.
 */
@RepositoryRestResource(path = "books", collectionResourceRel = "books")
public interface StoredBooks extends JpaRepository<StoredBook, Long>, JpaSpecificationExecutor<StoredBook> {

}
