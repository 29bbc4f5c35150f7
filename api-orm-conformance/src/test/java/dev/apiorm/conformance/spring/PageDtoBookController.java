package dev.apiorm.conformance.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The books in a hand-written page DTO, as spring-petclinic-rest's {@code /api/v2/owners}
 * answers: {@code {"content": [...], "page": 0, "size": 20, "totalElements": 25,
 * "totalPages": 2}}. It reads {@code page} (from 0, default 0), {@code size} (default 20,
 * no cap) and {@code sort} ({@code field} or {@code field,desc}, repeated; by id when
 * absent) itself, not through Spring Data's {@code Pageable}, binds the filters of
 * {@link BookFilters}, and writes as the other controllers do.
 */
@RestController
@RequestMapping("/dto/books")
class PageDtoBookController extends BookEndpoint {

	private static final Set<String> SORTABLE = Set.of("id", "title", "pages", "published", "genre", "available");

	PageDtoBookController(StoredBooks books) {
		super(books);
	}

	@GetMapping
	BookPage list(@RequestParam MultiValueMap<String, String> parameters, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be >= 0 and size >= 1");
		}
		PageRequest request = PageRequest.of(page, size, sort(parameters.get("sort")));
		return BookPage.of(this.books.findAll(BookFilters.of(parameters), request));
	}

	/**
	 * {@code sort=pages,desc&sort=id}: Spring's syntax, one field per parameter (read
	 * from the raw parameters: binding a {@code List} would split each at its comma).
	 */
	private static Sort sort(@Nullable List<String> parameters) {
		if (parameters == null || parameters.isEmpty()) {
			return Sort.by("id");
		}
		List<Sort.Order> orders = new ArrayList<>();
		for (String parameter : parameters) {
			String[] parts = parameter.split(",");
			if (!SORTABLE.contains(parts[0]) || parts.length > 2
					|| (parts.length == 2 && !parts[1].equalsIgnoreCase("asc") && !parts[1].equalsIgnoreCase("desc"))) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Cannot sort by " + parameter);
			}
			boolean descending = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
			orders.add(descending ? Sort.Order.desc(parts[0]) : Sort.Order.asc(parts[0]));
		}
		return Sort.by(orders);
	}

}
