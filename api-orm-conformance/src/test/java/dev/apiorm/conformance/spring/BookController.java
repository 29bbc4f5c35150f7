package dev.apiorm.conformance.spring;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller as Spring applications write them: a {@code PagedModel} of the books that
 * match the filters it binds ({@link BookFilters}), and plain JSON writes.
 */
@RestController
@RequestMapping("/page/books")
class BookController extends BookEndpoint {

	BookController(StoredBooks books) {
		super(books);
	}

	@GetMapping
	PagedModel<StoredBook> list(@RequestParam MultiValueMap<String, String> parameters, Pageable pageable) {
		return new PagedModel<>(this.books.findAll(BookFilters.of(parameters), pageable));
	}

}
