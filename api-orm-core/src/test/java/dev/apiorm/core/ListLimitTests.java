package dev.apiorm.core;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.apiorm.exception.ListTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages pass while their records are within the limit; the page that passes it ends them
 * with an error naming the client's property, and no further page is asked for.
 */
class ListLimitTests {

	private static ApiClientSettings settings(String client, int limit) {
		ApiClientSettings settings = ApiClientSettings.defaults(client, URI.create("https://api.example.com"));
		return settings
			.withOptions(settings.options().withPaging(settings.options().paging().withMaxListRecords(limit)));
	}

	@Test
	void pagesUpToTheLimitPass() {
		Flux<List<Integer>> pages = Flux.just(List.of(1, 2), List.of(3, 4));
		StepVerifier.create(pages.transform(ListLimit.of(settings("default", 4), "Book")))
			.expectNext(List.of(1, 2), List.of(3, 4))
			.verifyComplete();
	}

	@Test
	void thePageThatPassesTheLimitEndsThePagesAndNoFurtherPageIsAskedFor() {
		AtomicInteger produced = new AtomicInteger();
		Flux<List<Integer>> pages = Flux.range(0, 10)
			.map((page) -> List.of(page * 2, page * 2 + 1))
			.doOnNext((page) -> produced.incrementAndGet());
		StepVerifier.create(pages.transform(ListLimit.of(settings("billing", 3), "Invoice")), 1)
			.expectNext(List.of(0, 1))
			.thenRequest(10)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ListTooLargeException.class)
				.hasMessageStartingWith("A list of Invoice would hold more than 3 records "
						+ "(api-orm.clients.billing.max-list-records)"))
			.verify();
		assertThat(produced).hasValue(2);
	}

	@Test
	void eachSubscriptionCountsAfresh() {
		Flux<List<Integer>> limited = Flux.just(List.of(1, 2), List.of(3))
			.transform(ListLimit.of(settings("default", 3), "Book"));
		StepVerifier.create(limited).expectNextCount(2).verifyComplete();
		StepVerifier.create(limited).expectNextCount(2).verifyComplete();
	}

}
