package dev.apiorm.dialect.convention;

import java.util.List;
import java.util.Map;

/**
 * Descriptions for the tests, built as properties would set them.
 */
final class ConventionDescriptions {

	private ConventionDescriptions() {
	}

	static ConventionDescription preset(String name) {
		return new ConventionDescription(name, null, null, null, null, null, null, null, Map.of(),
				ConventionDescription.Paging.EMPTY, ConventionDescription.Ordering.EMPTY,
				ConventionDescription.Filters.EMPTY);
	}

	static ConventionDescription body(String records, String total, String next) {
		return new ConventionDescription(null, records, total, next, null, null, null, null, Map.of(),
				ConventionDescription.Paging.EMPTY, ConventionDescription.Ordering.EMPTY,
				ConventionDescription.Filters.EMPTY);
	}

	static ConventionDescription paging(ConventionDescription.Paging paging, String next) {
		return new ConventionDescription(null, "data", "total", next, null, null, null, null, Map.of(), paging,
				ConventionDescription.Ordering.EMPTY, ConventionDescription.Filters.EMPTY);
	}

	static ConventionDescription filters(Map<String, String> lookups) {
		return new ConventionDescription(null, "data", null, null, null, null, null, null, Map.of(),
				ConventionDescription.Paging.EMPTY, ConventionDescription.Ordering.EMPTY,
				new ConventionDescription.Filters(lookups, Map.of(), null, List.of()));
	}

	static ConventionDescription ordering(ConventionDescription.Ordering ordering) {
		return new ConventionDescription(null, "data", null, null, null, null, null, null, Map.of(),
				ConventionDescription.Paging.EMPTY, ordering, ConventionDescription.Filters.EMPTY);
	}

	static ConventionDescription record(String recordPath, String saveMethod) {
		return new ConventionDescription(null, "data", null, null, null, recordPath, saveMethod, null, Map.of(),
				ConventionDescription.Paging.EMPTY, ConventionDescription.Ordering.EMPTY,
				ConventionDescription.Filters.EMPTY);
	}

}
