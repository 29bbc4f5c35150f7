package dev.apiorm.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * The JSON the benchmarks' upstreams answer with: customers of about 200 bytes and DRF
 * pages of them.
 */
final class Upstream {

	private Upstream() {
	}

	/**
	 * One customer record.
	 * @param index the record's index
	 * @return the JSON
	 */
	static String customer(int index) {
		return appendCustomer(new StringBuilder(), index).toString();
	}

	/**
	 * A DRF page of customers.
	 * @param first the index of the first record
	 * @param size the number of records
	 * @param total the size of the whole collection
	 * @param next the next link, {@code null} on the last page
	 * @return the JSON
	 */
	static String page(int first, int size, int total, @Nullable String next) {
		StringBuilder json = new StringBuilder(size * 210 + 100).append("{\"count\":")
			.append(total)
			.append(",\"next\":")
			.append((next != null) ? "\"" + next + "\"" : "null")
			.append(",\"previous\":null,\"results\":[");
		for (int i = first; i < first + size; i++) {
			appendCustomer((i > first) ? json.append(',') : json, i);
		}
		return json.append("]}").toString();
	}

	private static StringBuilder appendCustomer(StringBuilder json, int index) {
		return json.append("{\"id\":")
			.append(index + 1)
			.append(",\"name\":\"Customer ")
			.append(index)
			.append("\",\"email\":\"customer")
			.append(index)
			.append("@example.com\",\"role\":\"member\",\"age\":")
			.append(20 + index % 50)
			.append(",\"active\":true,\"created_at\":\"2026-11-24T06:00:00.000000Z\"}");
	}

}
