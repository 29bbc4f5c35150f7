package dev.apiorm.conformance.dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The books every dialect's server starts with ({@code conformance/books.json}), read
 * without api-orm: the truth results are compared with.
 */
final class Dataset {

	static final Path FILE = Path.of(System.getProperty("conformance.books", "../conformance/books.json"))
		.toAbsolutePath()
		.normalize();

	static final List<Book> BOOKS = read();

	private Dataset() {
	}

	private static List<Book> read() {
		try {
			return List.of(JsonMapper.builder().build().readValue(Files.readString(FILE), Book[].class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The ids of the books that match, in the order given.
	 */
	static List<Long> ids(Predicate<Book> filter, Comparator<Book> order) {
		return BOOKS.stream().filter(filter).sorted(order).map(Book::getId).toList();
	}

	static Book byId(long id) {
		return BOOKS.stream().filter((book) -> book.getId() == id).findFirst().orElseThrow();
	}

}
