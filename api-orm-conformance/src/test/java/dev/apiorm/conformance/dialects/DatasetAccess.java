package dev.apiorm.conformance.dialects;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The dataset's truth for the tests of servers in other packages.
 */
public final class DatasetAccess {

	private DatasetAccess() {
	}

	/**
	 * The ids of the books that match, in id order.
	 * @param filter the condition
	 * @return the ids
	 */
	public static List<Long> ids(Predicate<Book> filter) {
		return Dataset.ids(filter, Comparator.comparing(Book::getId));
	}

	/**
	 * The ids of the books that match, in the order given.
	 * @param filter the condition
	 * @param order the order
	 * @return the ids
	 */
	public static List<Long> ids(Predicate<Book> filter, Comparator<Book> order) {
		return Dataset.ids(filter, order);
	}

	/**
	 * Every book of the dataset.
	 * @return the books, in id order
	 */
	public static List<Book> books() {
		return Dataset.BOOKS;
	}

}
