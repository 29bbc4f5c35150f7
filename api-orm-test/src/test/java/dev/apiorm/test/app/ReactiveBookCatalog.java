package dev.apiorm.test.app;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import org.springframework.data.repository.reactive.ReactiveSortingRepository;

/**
 * The books through Spring Data's standard reactive interfaces only.
 */
public interface ReactiveBookCatalog extends ReactiveCrudRepository<Book, Long>, ReactiveSortingRepository<Book, Long> {

	Flux<Book> findByGenre(String genre);

}
