package dev.apiorm.conformance.spring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A controller as Spring applications write them: a {@code PagedModel} of the books that
 * match the filters it binds ({@code field=value}, repeated for several values,
 * {@code pages_gte}, {@code pages_lte} and {@code title_icontains}), and plain JSON
 * writes.
 */
@RestController
@RequestMapping("/page/books")
class BookController {

	private static final List<String> FIELDS = List.of("title", "pages", "published", "genre", "available");

	private final StoredBooks books;

	BookController(StoredBooks books) {
		this.books = books;
	}

	@GetMapping
	PagedModel<StoredBook> list(@RequestParam MultiValueMap<String, String> parameters, Pageable pageable) {
		Specification<StoredBook> filters = (root, query, criteria) -> {
			List<Predicate> predicates = new ArrayList<>();
			for (String field : FIELDS) {
				List<String> values = parameters.get(field);
				if (values != null) {
					predicates.add(root.get(field).in(values.stream().map((value) -> convert(field, value)).toList()));
				}
			}
			String gte = parameters.getFirst("pages_gte");
			if (gte != null) {
				predicates.add(criteria.greaterThanOrEqualTo(root.get("pages"), Integer.valueOf(gte)));
			}
			String lte = parameters.getFirst("pages_lte");
			if (lte != null) {
				predicates.add(criteria.lessThanOrEqualTo(root.get("pages"), Integer.valueOf(lte)));
			}
			String contains = parameters.getFirst("title_icontains");
			if (contains != null) {
				predicates.add(criteria.like(criteria.lower(root.get("title")), "%" + contains.toLowerCase() + "%"));
			}
			return criteria.and(predicates.toArray(Predicate[]::new));
		};
		return new PagedModel<>(this.books.findAll(filters, pageable));
	}

	private static Object convert(String field, String value) {
		return switch (field) {
			case "pages" -> Integer.valueOf(value);
			case "published" -> LocalDate.parse(value);
			case "available" -> Boolean.valueOf(value);
			default -> value;
		};
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
