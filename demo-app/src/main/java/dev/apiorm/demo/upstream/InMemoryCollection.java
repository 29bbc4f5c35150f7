package dev.apiorm.demo.upstream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * One collection of records, as a DRF view with a django-filter FilterSet sees it:
 * lookups ({@code field}, {@code field__gte}, {@code field__icontains},
 * {@code field__in}, ...), ordering, and validation of required and unique fields.
 */
final class InMemoryCollection {

	private final Map<Long, Map<String, Object>> records = new ConcurrentSkipListMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final Set<String> required;

	private final Set<String> unique;

	InMemoryCollection(Set<String> required, Set<String> unique) {
		this.required = required;
		this.unique = unique;
	}

	synchronized Map<String, Object> create(Map<String, Object> fields) {
		validate(fields, null, true);
		Map<String, Object> record = new LinkedHashMap<>(fields);
		long id = this.ids.incrementAndGet();
		record.put("id", id);
		this.records.put(id, record);
		return record;
	}

	synchronized @Nullable Map<String, Object> update(long id, Map<String, Object> fields, boolean partial) {
		Map<String, Object> record = this.records.get(id);
		if (record == null) {
			return null;
		}
		validate(fields, id, !partial);
		Map<String, Object> updated = new LinkedHashMap<>(partial ? record : Map.of());
		updated.putAll(fields);
		updated.put("id", id);
		this.records.put(id, updated);
		return updated;
	}

	@Nullable Map<String, Object> get(long id) {
		return this.records.get(id);
	}

	boolean delete(long id) {
		return this.records.remove(id) != null;
	}

	List<Map<String, Object>> find(Map<String, String> lookups, @Nullable String ordering) {
		List<Map<String, Object>> found = new ArrayList<>();
		for (Map<String, Object> record : this.records.values()) {
			if (lookups.entrySet().stream().allMatch((lookup) -> matches(record, lookup.getKey(), lookup.getValue()))) {
				found.add(record);
			}
		}
		if (ordering != null && !ordering.isBlank()) {
			found.sort(comparator(ordering));
		}
		return found;
	}

	private void validate(Map<String, Object> fields, @Nullable Long id, boolean whole) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (String field : this.required) {
			Object value = fields.get(field);
			if ((whole || fields.containsKey(field)) && (value == null || value.toString().isBlank())) {
				errors.put(field, List.of("This field is required."));
			}
		}
		for (String field : this.unique) {
			Object value = fields.get(field);
			boolean taken = value != null && this.records.values()
				.stream()
				.anyMatch((other) -> value.equals(other.get(field)) && !Objects.equals(other.get("id"), id));
			if (taken) {
				errors.put(field, List.of("A record with this " + field + " already exists."));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailure(errors);
		}
	}

	private static boolean matches(Map<String, Object> record, String lookup, String expected) {
		int split = lookup.lastIndexOf("__");
		String field = (split > 0) ? lookup.substring(0, split) : lookup;
		String operator = (split > 0) ? lookup.substring(split + 2) : "exact";
		Object value = record.get(field);
		String text = (value != null) ? value.toString() : null;
		return switch (operator) {
			case "exact" -> expected.equals(text);
			case "iexact" -> expected.equalsIgnoreCase(text);
			case "n" -> !expected.equals(text);
			case "contains" -> text != null && text.contains(expected);
			case "icontains" -> text != null && text.toLowerCase().contains(expected.toLowerCase());
			case "startswith" -> text != null && text.startsWith(expected);
			case "endswith" -> text != null && text.endsWith(expected);
			case "in" -> List.of(expected.split(",")).contains(text);
			case "isnull" -> Boolean.parseBoolean(expected) == (value == null);
			case "gt" -> compare(value, expected) > 0;
			case "gte" -> compare(value, expected) >= 0;
			case "lt" -> compare(value, expected) < 0;
			case "lte" -> compare(value, expected) <= 0;
			default -> throw new ValidationFailure(Map.of(lookup, List.of("Unknown lookup '" + operator + "'.")));
		};
	}

	private static int compare(@Nullable Object value, String expected) {
		if (value == null) {
			return -1;
		}
		if (value instanceof Number number) {
			return Double.compare(number.doubleValue(), Double.parseDouble(expected));
		}
		return value.toString().compareTo(expected);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Comparator<Map<String, Object>> comparator(String ordering) {
		Comparator<Map<String, Object>> comparator = (left, right) -> 0;
		for (String term : ordering.split(",")) {
			boolean descending = term.startsWith("-");
			String field = descending ? term.substring(1) : term;
			Comparator<Map<String, Object>> next = Comparator.comparing((record) -> (Comparable) record.get(field),
					Comparator.nullsFirst(Comparator.naturalOrder()));
			next = descending ? next.reversed() : next;
			comparator = comparator.thenComparing(next);
		}
		return comparator;
	}

	/**
	 * A DRF-style validation failure: messages per field.
	 */
	static final class ValidationFailure extends RuntimeException {

		private final Map<String, List<String>> errors;

		ValidationFailure(Map<String, List<String>> errors) {
			super(errors.toString());
			this.errors = errors;
		}

		Map<String, List<String>> errors() {
			return this.errors;
		}

	}

}
