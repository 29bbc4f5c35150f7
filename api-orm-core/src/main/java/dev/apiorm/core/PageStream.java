package dev.apiorm.core;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

import dev.apiorm.dialect.PageResult;

/**
 * Streams the records of a window page by page, driven by the subscriber's demand.
 * <p>
 * A page is requested only when the demand reaches beyond the records already held, so
 * {@code request(5)} costs one page request; at most one page is in flight while the
 * current one is consumed, so memory stays within two pages whatever the collection's
 * size. Cancelling cancels the request in flight and sends no other. An error after some
 * records were delivered is signalled after them.
 *
 * @param <R> the record type
 */
final class PageStream<R> {

	private final FluxSink<R> sink;

	private final Function<String, Mono<PageResult<R>>> fetch;

	private final Function<String, String> nextLinks;

	private final ArrayDeque<R> buffer = new ArrayDeque<>();

	private final AtomicInteger wip = new AtomicInteger();

	private @Nullable String nextUrl;

	private int firstSkip;

	private final long windowOffset;

	private long remaining;

	private boolean firstPage = true;

	private boolean inFlight;

	private volatile @Nullable PageResult<R> arrived;

	private volatile @Nullable Throwable failed;

	private @Nullable Throwable error;

	private volatile @Nullable Disposable request;

	private volatile boolean cancelled;

	private PageStream(FluxSink<R> sink, String firstUrl, int firstSkip, long windowOffset, @Nullable Long limit,
			Function<String, Mono<PageResult<R>>> fetch, Function<String, String> nextLinks) {
		this.sink = sink;
		this.nextUrl = firstUrl;
		this.firstSkip = firstSkip;
		this.windowOffset = windowOffset;
		this.remaining = (limit != null) ? limit : Long.MAX_VALUE;
		this.fetch = fetch;
		this.nextLinks = nextLinks;
	}

	/**
	 * The records of a window.
	 * @param firstUrl the URL of the first page
	 * @param firstSkip how many records of the first page precede the window
	 * @param windowOffset the window's offset, applied to an unpaginated response
	 * @param limit the window's size, {@code null} for no limit
	 * @param fetch fetches the page at a URL
	 * @param nextLinks checks a next link and makes it absolute (throws when it must not
	 * be followed)
	 * @param <R> the record type
	 * @return the records
	 */
	static <R> Flux<R> of(String firstUrl, int firstSkip, long windowOffset, @Nullable Long limit,
			Function<String, Mono<PageResult<R>>> fetch, Function<String, String> nextLinks) {
		if (limit != null && limit == 0) {
			return Flux.empty();
		}
		return Flux.create((sink) -> {
			PageStream<R> stream = new PageStream<>(sink, firstUrl, firstSkip, windowOffset, limit, fetch, nextLinks);
			sink.onCancel(stream::cancel);
			sink.onRequest((n) -> stream.drain());
		});
	}

	private void cancel() {
		this.cancelled = true;
		Disposable inFlightRequest = this.request;
		if (inFlightRequest != null) {
			inFlightRequest.dispose();
		}
	}

	private void drain() {
		if (this.wip.getAndIncrement() != 0) {
			return;
		}
		do {
			if (this.cancelled) {
				this.buffer.clear();
				return;
			}
			absorbArrivals();
			while (this.sink.requestedFromDownstream() > 0 && !this.buffer.isEmpty()) {
				this.sink.next(this.buffer.poll());
			}
			if (this.buffer.isEmpty() && !this.inFlight) {
				if (this.error != null) {
					this.sink.error(this.error);
					return;
				}
				if (this.nextUrl == null || this.remaining == 0) {
					this.sink.complete();
					return;
				}
			}
			if (!this.inFlight && this.error == null && this.nextUrl != null && this.remaining > 0
					&& this.sink.requestedFromDownstream() > this.buffer.size()) {
				requestPage(this.nextUrl);
			}
		}
		while (this.wip.decrementAndGet() != 0);
	}

	private void absorbArrivals() {
		Throwable failure = this.failed;
		if (failure != null) {
			this.failed = null;
			this.inFlight = false;
			this.error = failure;
		}
		PageResult<R> page = this.arrived;
		if (page == null) {
			return;
		}
		this.arrived = null;
		this.inFlight = false;
		List<R> records = page.records();
		int skip = this.firstPage
				? (page.paginated() ? this.firstSkip : (int) Math.min(this.windowOffset, records.size())) : 0;
		this.firstPage = false;
		for (int i = skip; i < records.size() && this.remaining > 0; i++) {
			this.buffer.add(records.get(i));
			this.remaining--;
		}
		this.nextUrl = null;
		if (page.paginated() && page.next() != null && this.remaining > 0) {
			try {
				this.nextUrl = this.nextLinks.apply(page.next());
			}
			catch (RuntimeException ex) {
				this.error = ex;
			}
		}
	}

	private void requestPage(String url) {
		this.inFlight = true;
		// Each request tracks its own answer: its completion may come after the next
		// request has started.
		AtomicBoolean answered = new AtomicBoolean();
		this.request = this.fetch.apply(url).subscribe((page) -> {
			answered.set(true);
			this.arrived = page;
			drain();
		}, (failure) -> {
			answered.set(true);
			this.failed = failure;
			drain();
		}, () -> {
			if (!answered.get()) {
				this.failed = new IllegalStateException("A page request completed without a page");
				drain();
			}
		});
	}

}
