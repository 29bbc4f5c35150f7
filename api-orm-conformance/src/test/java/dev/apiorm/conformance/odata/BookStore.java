package dev.apiorm.conformance.odata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The books of the OData test service, in memory: the dataset's 25, then those created.
 */
class BookStore {

	private final Map<Long, Map<String, Object>> books = new ConcurrentSkipListMap<>();

	private final AtomicLong nextId = new AtomicLong(1);

	BookStore(Path dataset) {
		try {
			for (JsonNode book : JsonMapper.builder().build().readTree(Files.readString(dataset))) {
				Map<String, Object> values = new LinkedHashMap<>();
				values.put("title", book.get("title").asString());
				values.put("pages", book.get("pages").asInt());
				values.put("published", LocalDate.parse(book.get("published").asString()));
				values.put("genre", book.get("genre").asString());
				values.put("available", book.get("available").asBoolean());
				add(values);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Map<String, Object>> all() {
		return new ArrayList<>(this.books.values());
	}

	Map<String, Object> get(long id) {
		return this.books.get(id);
	}

	Map<String, Object> add(Map<String, Object> values) {
		long id = this.nextId.getAndIncrement();
		Map<String, Object> book = new LinkedHashMap<>(values);
		book.put("id", id);
		this.books.put(id, book);
		return book;
	}

	void put(long id, Map<String, Object> book) {
		book.put("id", id);
		this.books.put(id, book);
	}

	boolean remove(long id) {
		return this.books.remove(id) != null;
	}

}
