package dev.apiorm.test.app;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * A service of the test application that uses api-orm.
 */
@Service
public class BookShelf {

	private final BookApi books;

	public BookShelf(BookApi books) {
		this.books = books;
	}

	public List<String> newestOf(String genre) {
		return this.books.findByGenreOrderByYearDesc(genre).stream().map(Book::title).toList();
	}

	public List<String> allButPoetry() {
		return this.books.exclude("genre", "poetry").orderBy("title").list().stream().map(Book::title).toList();
	}

	public Book shelve(String title, String genre, int year, String isbn) {
		return this.books.create(new Book(title, genre, year, isbn));
	}

}
