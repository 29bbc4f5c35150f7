package dev.apiorm.core.page;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apiorm.dialect.PageResult;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiDecodeException;

/**
 * The pages of a window, fetched one after the other by following {@code next} links with
 * Reactor's {@code expand}: a page is requested only when the subscriber asks for more
 * than it holds, a cancelled subscription sends no further request, and a link that was
 * already followed in this iteration ends it with an {@link ApiDecodeException} instead
 * of looping. Each page is cut to the window (the records before the offset on the first
 * page, those beyond the limit on the last).
 */
final class PageFlux {

	private PageFlux() {
	}

	/**
	 * The pages of a window, each handed to a handler once it is cut to the window and
	 * before its records are handed out.
	 * @param firstUrl the URL of the first page
	 * @param firstSkip how many records of the first page precede the window
	 * @param windowOffset the window's offset, applied to an unpaginated response
	 * @param limit the window's size, {@code null} for no limit
	 * @param fetch fetches the page at a URL
	 * @param nextLinks makes a next link absolute against the page that held it and
	 * checks it (throws when it must not be followed)
	 * @param display shows a URL in messages (without the user info it may hold)
	 * @param handler what becomes of each page, {@code null} to hand out its records as
	 * they are
	 * @return the pages; no empty list but possibly an empty first page
	 */
	static <R> Flux<List<R>> of(String firstUrl, int firstSkip, long windowOffset, @Nullable Long limit,
			Function<String, Mono<PageResult<R>>> fetch, BiFunction<String, String, String> nextLinks,
			UnaryOperator<String> display, @Nullable Handler<R> handler) {
		if (limit != null && limit == 0) {
			return Flux.empty();
		}
		return Flux.defer(() -> {
			Window<R> window = new Window<>(firstUrl, firstSkip, windowOffset, limit, nextLinks, display);
			// A page request that ends without a page is a failure, never the last page.
			Function<String, Mono<Cut<R>>> page = (url) -> {
				Mono<Cut<R>> cut = Mono.defer(() -> fetch.apply(url))
					.switchIfEmpty(Mono.error(() -> new ApiConnectionException(
							"the request for " + display.apply(url) + " ended without a response; paging stopped",
							null)))
					.map(window::cut);
				return (handler != null) ? cut.flatMap((done) -> done.handledBy(handler)) : cut;
			};
			return page.apply(firstUrl).expand((cut) -> {
				if (cut.failure() != null) {
					return Mono.error(cut.failure());
				}
				return (cut.next() != null) ? page.apply(cut.next()) : Mono.empty();
			}).map(Cut::records);
		});
	}

	/**
	 * What becomes of a page once it is cut to the window.
	 *
	 * @param <R> the record type
	 */
	@FunctionalInterface
	interface Handler<R> {

		/**
		 * Handles a page.
		 * @param page the page as read
		 * @param kept its records in the window
		 * @param index the page's position in the iteration, {@code 0} for the first
		 * @param last whether the window ends with it: no page is asked for after it and
		 * the iteration does not fail after its records
		 * @return the records to hand out
		 */
		Mono<List<R>> handle(PageResult<R> page, List<R> kept, int index, boolean last);

	}

	/**
	 * The records of pages, one after the other. The next page is requested only when the
	 * subscriber asks for more records than the current page holds: an end-of-page marker
	 * keeps Reactor's flattening from asking for the next page as soon as the current one
	 * is handed out, so {@code request(5)} on pages of five costs exactly one request.
	 * @param pages the pages
	 * @return the records
	 */
	@SuppressWarnings("unchecked")
	static <R> Flux<R> records(Flux<List<R>> pages) {
		return pages.concatMapIterable(PageFlux::withEndMarker, 1).handle((item, sink) -> {
			if (item != END_OF_PAGE) {
				sink.next((R) item);
			}
		});
	}

	private static final Object END_OF_PAGE = new Object();

	private static Iterable<Object> withEndMarker(List<?> page) {
		return () -> new Iterator<>() {

			private int index;

			@Override
			public boolean hasNext() {
				return this.index <= page.size();
			}

			@Override
			public Object next() {
				if (this.index > page.size()) {
					throw new NoSuchElementException();
				}
				int current = this.index++;
				return (current < page.size()) ? page.get(current) : END_OF_PAGE;
			}

		};
	}

	/**
	 * A page cut to the window, with the URL of the page to fetch after it.
	 */
	private record Cut<R>(PageResult<R> page, int index, List<R> records, @Nullable String next,
			@Nullable RuntimeException failure) {

		Mono<Cut<R>> handledBy(Handler<R> handler) {
			// A page after which the iteration fails is not its last: the window did not
			// end.
			boolean last = this.next == null && this.failure == null;
			return handler.handle(this.page, this.records, this.index, last)
				.map((handled) -> new Cut<>(this.page, this.index, handled, this.next, this.failure));
		}

	}

	/**
	 * The state of one iteration; pages arrive one at a time, in order.
	 */
	private static final class Window<R> {

		private final Set<String> visited = new HashSet<>();

		private final int firstSkip;

		private final long windowOffset;

		private final BiFunction<String, String, String> nextLinks;

		private final UnaryOperator<String> display;

		private long remaining;

		/** The index in the collection of the next record a page brings. */
		private long position;

		private boolean first = true;

		/** The records still to skip before the window starts. */
		private long toSkip;

		/** The position in the iteration of the next page. */
		private int index;

		private String currentUrl;

		Window(String firstUrl, int firstSkip, long windowOffset, @Nullable Long limit,
				BiFunction<String, String, String> nextLinks, UnaryOperator<String> display) {
			this.display = display;
			this.currentUrl = firstUrl;
			// Pages are told apart without the user info: the API's links carry none.
			this.visited.add(this.display.apply(firstUrl));
			this.firstSkip = firstSkip;
			this.windowOffset = windowOffset;
			this.remaining = (limit != null) ? limit : Long.MAX_VALUE;
			this.nextLinks = nextLinks;
		}

		Cut<R> cut(PageResult<R> page) {
			int at = this.index++;
			List<R> records = page.records();
			if (this.first) {
				this.toSkip = page.paginated() ? this.firstSkip : this.windowOffset;
				this.position = page.paginated() ? this.windowOffset - this.firstSkip : 0;
				this.first = false;
			}
			// A window walked to from an earlier page (a cursor API) skips across pages.
			int skip = (int) Math.min(this.toSkip, records.size());
			this.toSkip -= skip;
			this.position += records.size();
			int end = (int) Math.min(records.size(), skip + Math.min(this.remaining, Integer.MAX_VALUE));
			List<R> kept = (skip == 0 && end == records.size()) ? records : records.subList(Math.min(skip, end), end);
			this.remaining -= kept.size();
			if (!page.paginated() || page.next() == null || this.remaining == 0) {
				return new Cut<>(page, at, kept, null, null);
			}
			// A link that must not be followed fails the iteration after this page's
			// records, which stay delivered.
			Long count = page.count();
			if (count != null && this.position > count) {
				return new Cut<>(page, at, kept, null,
						new ApiDecodeException("the pages up to " + this.display.apply(this.currentUrl) + " hold "
								+ this.position + " records, more records than the count of " + count
								+ " they announce, and still link to a next page; paging stopped", null));
			}
			try {
				String next = this.nextLinks.apply(this.currentUrl, page.next());
				if (!this.visited.add(this.display.apply(next))) {
					throw new ApiDecodeException("the next page link of " + this.display.apply(this.currentUrl)
							+ " points to a page already read in this iteration (" + this.display.apply(next)
							+ "); paging stopped instead of looping", null);
				}
				this.currentUrl = next;
				return new Cut<>(page, at, kept, next, null);
			}
			catch (RuntimeException ex) {
				return new Cut<>(page, at, kept, null, ex);
			}
		}

	}

}
