package dev.apiorm.conformance.spring;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the Spring MVC controllers of the books share: a record by id and plain JSON
 * writes ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}), each under its
 * controller's path. The listing is each controller's own.
 */
abstract class BookEndpoint {

	protected final StoredBooks books;

	BookEndpoint(StoredBooks books) {
		this.books = books;
	}

	@GetMapping("/{id}")
	StoredBook get(@PathVariable long id) {
		return this.books.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	StoredBook create(@Valid @RequestBody StoredBook book) {
		book.setId(null);
		return this.books.save(book);
	}

	@PutMapping("/{id}")
	StoredBook replace(@PathVariable long id, @Valid @RequestBody StoredBook book) {
		get(id);
		book.setId(id);
		return this.books.save(book);
	}

	@PatchMapping("/{id}")
	StoredBook update(@PathVariable long id, @RequestBody Map<String, Object> fields) {
		StoredBook book = get(id);
		fields.forEach((field, value) -> {
			switch (field) {
				case "title" -> book.setTitle((String) value);
				case "pages" -> book.setPages((value != null) ? ((Number) value).intValue() : null);
				case "published" -> book.setPublished((value != null) ? LocalDate.parse((String) value) : null);
				case "genre" -> book.setGenre((String) value);
				case "available" -> book.setAvailable((Boolean) value);
				default -> {
				}
			}
		});
		return this.books.save(book);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.books.delete(get(id));
	}

}
