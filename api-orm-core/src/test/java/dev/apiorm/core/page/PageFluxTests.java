package dev.apiorm.core.page;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import dev.apiorm.dialect.PageResult;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiDecodeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging on Reactor operators: every page exactly once and in order, pages taken as
 * demand needs them, loops and bad links ended after the records already delivered, and
 * windows cut across pages. (The look-ahead of a WebClient source is proven against a
 * server in ReactiveWireTests.)
 */
class PageFluxTests {

	/** The test's URLs hold no user info: messages show them as they are. */
	private static final UnaryOperator<String> SHOWN = UnaryOperator.identity();

	private final List<String> fetched = new CopyOnWriteArrayList<>();

	/** Pages "p0".."p{count-1}" of {@code size} records, numbered from 0. */
	private Function<String, Mono<PageResult<Integer>>> pages(int count, int size) {
		return (url) -> Mono.defer(() -> {
			this.fetched.add(url);
			int page = Integer.parseInt(url.substring(1));
			List<Integer> records = IntStream.range(page * size, (page + 1) * size).boxed().toList();
			return Mono.just(
					new PageResult<>(records, (long) count * size, (page + 1 < count) ? "p" + (page + 1) : null, true));
		});
	}

	private static Flux<Integer> records(Function<String, Mono<PageResult<Integer>>> fetch) {
		return PageFlux.records(PageFlux.of("p0", 0, 0, null, fetch, (current, next) -> next, SHOWN, null));
	}

	@Test
	void everyPageOfASynchronousSourceIsReadOnceInOrder() {
		// A page that arrives while it is being asked for is the case that once ended the
		// iteration early.
		StepVerifier.create(records(pages(3, 2))).expectNext(0, 1, 2, 3, 4, 5).verifyComplete();
		assertThat(this.fetched).containsExactly("p0", "p1", "p2");
	}

	@RepeatedTest(20)
	void everyPageOfAnAsynchronousSourceIsReadOnceInOrder() {
		Function<String, Mono<PageResult<Integer>>> fetch = pages(200, 5);
		List<Integer> all = records((url) -> fetch.apply(url).subscribeOn(Schedulers.parallel())).collectList().block();
		assertThat(all).isEqualTo(IntStream.range(0, 1000).boxed().toList());
		assertThat(this.fetched).hasSize(200).doesNotHaveDuplicates();
	}

	@Test
	void aPageIsTakenOnlyWhenTheSubscriberAsksBeyondTheCurrentOne() {
		// A source that starts work only when asked: what is fetched is what the
		// subscriber's demand needs, and nothing after the cancel.
		StepVerifier.create(records(pages(4, 5)), 5).expectNext(0, 1, 2, 3, 4).thenCancel().verify();
		assertThat(this.fetched).containsExactly("p0");
		this.fetched.clear();
		StepVerifier.create(records(pages(4, 5)), 6).expectNextCount(6).thenCancel().verify();
		assertThat(this.fetched).containsExactly("p0", "p1");
	}

	@Test
	void aLinkBackToAPageAlreadyReadEndsTheIterationAfterItsRecords() {
		Map<String, PageResult<Integer>> loop = Map.of("p0", new PageResult<>(List.of(1, 2), 6L, "p1", true), "p1",
				new PageResult<>(List.of(3, 4), 6L, "p0", true));
		StepVerifier.create(records((url) -> Mono.just(loop.get(url))))
			.expectNext(1, 2, 3, 4)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ApiDecodeException.class)
				.hasMessageContaining("already read in this iteration"))
			.verify();
	}

	@Test
	void aLinkThatMustNotBeFollowedFailsAfterThePagesRecords() {
		Flux<Integer> records = PageFlux.records(PageFlux.of("p0", 0, 0, null, pages(3, 2), (current, next) -> {
			throw new ApiDecodeException("not followed", null);
		}, SHOWN, null));
		StepVerifier.create(records).expectNext(0, 1).expectError(ApiDecodeException.class).verify();
		assertThat(this.fetched).containsExactly("p0");
	}

	@Test
	void aPageRequestThatEndsWithoutAPageIsAFailureNotTheLastPage() {
		Function<String, Mono<PageResult<Integer>>> fetch = pages(3, 2);
		StepVerifier.create(records((url) -> url.equals("p1") ? Mono.empty() : fetch.apply(url)))
			.expectNext(0, 1)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOf(ApiConnectionException.class).hasMessageContaining("p1"))
			.verify();
	}

	@Test
	void aWindowIsCutAcrossPagesAndStopsFetchingWhenFull() {
		// Page-number style: the window starts 3 records into page 0 and holds 4 records.
		Flux<Integer> window = PageFlux
			.records(PageFlux.of("p0", 3, 3, 4L, pages(10, 5), (current, next) -> next, SHOWN, null));
		StepVerifier.create(window).expectNext(3, 4, 5, 6).verifyComplete();
		assertThat(this.fetched).containsExactly("p0", "p1");
	}

	@Test
	void anUnpaginatedBodyIsCutByTheWindowOffset() {
		Flux<Integer> window = PageFlux.records(PageFlux.of("all", 0, 2, 2L,
				(url) -> Mono.just(new PageResult<>(List.of(0, 1, 2, 3, 4), 5L, null, false)), (current, next) -> next,
				SHOWN, null));
		StepVerifier.create(window).expectNext(2, 3).verifyComplete();
	}

	@Test
	void anEmptyWindowSendsNothing() {
		StepVerifier
			.create(PageFlux.records(PageFlux.of("p0", 0, 0, 0L, pages(3, 2), (current, next) -> next, SHOWN, null)))
			.verifyComplete();
		assertThat(this.fetched).isEmpty();
	}

}
