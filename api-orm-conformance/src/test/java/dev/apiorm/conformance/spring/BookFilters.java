package dev.apiorm.conformance.spring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.MultiValueMap;

/**
 * The filters the Spring controllers of the books bind, as Spring applications write
 * them: {@code field=value} (repeated for several values), {@code pages_gte},
 * {@code pages_lte} and {@code title_icontains}. Every other parameter is ignored.
 */
final class BookFilters {

	private static final List<String> FIELDS = List.of("title", "pages", "published", "genre", "available");

	private BookFilters() {
	}

	/**
	 * The condition of a request's parameters.
	 * @param parameters the request's parameters
	 * @return the condition
	 */
	static Specification<StoredBook> of(MultiValueMap<String, String> parameters) {
		return (root, query, criteria) -> {
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
	}

	private static Object convert(String field, String value) {
		return switch (field) {
			case "pages" -> Integer.valueOf(value);
			case "published" -> LocalDate.parse(value);
			case "available" -> Boolean.valueOf(value);
			default -> value;
		};
	}

}
