package dev.apiorm.test.app;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * The books through Spring Data's standard interfaces only, as a Spring Data user
 * declares them.
 */
public interface BookCatalog extends ListCrudRepository<Book, Long>, ListPagingAndSortingRepository<Book, Long> {

	List<Book> findByGenre(String genre);

}
