package dev.apiorm.test.app;

import java.util.List;

import dev.apiorm.ApiRepository;

/**
 * The books of the test application.
 */
public interface BookApi extends ApiRepository<Book> {

	List<Book> findByGenreOrderByYearDesc(String genre);

	long countByYearGreaterThanEqual(int year);

}
