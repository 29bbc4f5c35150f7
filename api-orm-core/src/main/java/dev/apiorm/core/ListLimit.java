package dev.apiorm.core;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;

import dev.apiorm.exception.ListTooLargeException;

/**
 * Stops the pages of a list once they hold more records than the client's
 * {@code max-list-records}, so that a collection larger than the heap fails with a
 * {@link ListTooLargeException} instead of exhausting it: the page that passes the limit
 * ends the list, and no further page is asked for.
 */
final class ListLimit {

	private ListLimit() {
	}

	/**
	 * The limit of a client's lists.
	 * @param settings the client's settings
	 * @param model the name of the model listed, for the message
	 * @param <R> the records
	 * @return a function of the pages of a list to the same pages, failing past the limit
	 */
	static <R> Function<Flux<List<R>>, Flux<List<R>>> of(ApiClientSettings settings, String model) {
		int limit = settings.paging().maxListRecords();
		return (pages) -> Flux.defer(() -> {
			long[] held = new long[1];
			return pages.handle((page, sink) -> {
				held[0] += page.size();
				if (held[0] > limit) {
					sink.error(new ListTooLargeException("A list of " + model + " would hold more than " + limit
							+ " records (" + ApiClientSettings.propertyPrefix(settings.name())
							+ "max-list-records): read it with stream(), an iterator or flux(), which hold a page "
							+ "at a time, narrow the query, or raise the limit", limit));
				}
				else {
					sink.next(page);
				}
			});
		});
	}

}
