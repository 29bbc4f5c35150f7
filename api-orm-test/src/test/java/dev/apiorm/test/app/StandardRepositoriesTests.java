package dev.apiorm.test.app;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repository interfaces that extend only Spring Data's standard interfaces start in a
 * Spring Boot application and do what their contracts say against the fake API.
 */
@ApiOrmTest(seed = "classpath:books.json")
class StandardRepositoriesTests {

	@Autowired
	BookCatalog catalog;

	@Autowired
	ReactiveBookCatalog reactiveCatalog;

	@Autowired
	FakeApi api;

	@Test
	void listCrudAndPagingRepositoryReadsAndWrites() {
		assertThat(this.catalog.findAllById(List.of(3L, 1L))).extracting(Book::title)
			.containsExactlyInAnyOrder("The Raven", "Moby-Dick");
		assertThat(this.catalog.findAll(Sort.by("year"))).extracting(Book::year)
			.containsExactly(1845, 1851, 1854, 1855);
		Book saved = this.catalog.save(new Book("Walden Two", "novel", 1948, "555"));
		assertThat(saved.id()).isEqualTo(5L);
		assertThat(this.catalog.findByGenre("novel")).extracting(Book::title)
			.containsExactly("Moby-Dick", "Walden Two");
		assertThat(this.catalog.count()).isEqualTo(5);
		assertThat(this.api.requests()).containsExactly("GET /api/v1/books/?id__in=3,1&limit=100",
				"GET /api/v1/books/?ordering=year&limit=100",
				"POST /api/v1/books/ {\"title\":\"Walden Two\",\"genre\":\"novel\",\"year\":1948,\"isbn\":\"555\"}",
				"GET /api/v1/books/?genre=novel&limit=100", "GET /api/v1/books/?limit=1");
	}

	@Test
	void deleteAllEmptiesTheCollectionRecordByRecord() {
		this.catalog.deleteAll();
		assertThat(this.api.records(Book.class)).isEmpty();
		assertThat(this.api.requests()).containsExactly("GET /api/v1/books/?limit=100", "DELETE /api/v1/books/1/",
				"DELETE /api/v1/books/2/", "DELETE /api/v1/books/3/", "DELETE /api/v1/books/4/");
	}

	@Test
	void reactiveCrudAndSortingRepositoryReadsAndWrites() {
		assertThat(
				this.reactiveCatalog.findAll(Sort.by(Sort.Order.desc("year"))).map(Book::title).collectList().block())
			.containsExactly("Leaves of Grass", "Walden", "Moby-Dick", "The Raven");
		assertThat(this.reactiveCatalog.findByGenre("poetry").count().block()).isEqualTo(2L);
		this.reactiveCatalog.deleteById(2L).block();
		assertThat(this.reactiveCatalog.existsById(2L).block()).isFalse();
		assertThat(this.api.requests()).containsExactly("GET /api/v1/books/?ordering=-year&limit=100",
				"GET /api/v1/books/?genre=poetry&limit=100", "DELETE /api/v1/books/2/", "GET /api/v1/books/2/");
	}

}
