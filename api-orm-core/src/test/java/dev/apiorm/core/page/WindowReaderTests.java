package dev.apiorm.core.page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.fixtures.User;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader of windows without HTTP, against pages served as DRF serves them: every page
 * through the stages in order, the stages seeing the page and its place in the window,
 * the server's paging learnt and the window asked for again in it, a query written once,
 * counts and existence from one record.
 */
class WindowReaderTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	private final CountingDialect dialect = new CountingDialect(this.context.getJsonMapper());

	private final List<String> log = new CopyOnWriteArrayList<>();

	@Test
	void everyPageGoesThroughTheStagesInOrderAndTheCallerGetsWhatTheyHandOn() {
		DrfPages pages = pages(5, DrfPages.Mode.LIMIT_OFFSET);
		WindowReader reader = reader(pages, Pagination.LIMIT_OFFSET, new Recording("a"), new Recording("b"));

		List<List<User>> read = reader.instances(this.users, QueryDefinition.ALL, null).collectList().block();

		assertThat(this.log).containsExactly("a 0 first [1, 2] of [1, 2]", "b 0 first [1, 2] of [1, 2]",
				"a 1 [3, 4] of [3, 4]", "b 1 [3, 4] of [3, 4]", "a 2 last [5] of [5]", "b 2 last [5] of [5]");
		assertThat(read).map(WindowReaderTests::ids).containsExactly("[1, 2]", "[3, 4]", "[5]");
		assertThat(pages.fetched).containsExactly("/api/v1/users/?limit=2", "/api/v1/users/?limit=2&offset=2",
				"/api/v1/users/?limit=2&offset=4");
	}

	@Test
	void theStagesSeeThePageAsSentAndTheRecordsOfItInTheWindow() {
		DrfPages pages = pages(10, DrfPages.Mode.PAGE_NUMBER);
		WindowReader reader = reader(pages, Pagination.PAGE_NUMBER, new Recording("a"));

		List<User> read = reader.instances(this.users, QueryDefinition.ALL.slice(1, 4), null)
			.flatMapIterable((page) -> page)
			.collectList()
			.block();

		assertThat(read).extracting(User::getId).containsExactly(2L, 3L, 4L);
		assertThat(this.log).containsExactly("a 0 first [2] of [1, 2]", "a 1 last [3, 4] of [3, 4]");
		assertThat(pages.fetched).containsExactly("/api/v1/users/?page_size=2", "/api/v1/users/?page_size=2&page=2");
	}

	@Test
	void aStageThatReplacesTheRecordsChangesWhatTheCallerGets() {
		PageStage evenOnly = new PageStage() {

			@Override
			public <R> PageStage.Pass<R> open(WindowRead<R> read) {
				return (page) -> Mono.just(page.withRecords(
						page.records().stream().filter((record) -> ((User) record).getId() % 2 == 0).toList()));
			}

		};
		WindowReader reader = reader(pages(5, DrfPages.Mode.LIMIT_OFFSET), Pagination.LIMIT_OFFSET, evenOnly,
				new Recording("after"));

		List<User> read = WindowReader.records(reader.instances(this.users, QueryDefinition.ALL, null))
			.collectList()
			.block();

		assertThat(read).extracting(User::getId).containsExactly(2L, 4L);
		assertThat(this.log).containsExactly("after 0 first [2] of [1, 2]", "after 1 [4] of [3, 4]",
				"after 2 last [] of [5]");
	}

	@Test
	void aFailingStageEndsTheIterationAfterThePagesBeforeAndAsksForNoFurtherPage() {
		DrfPages pages = pages(5, DrfPages.Mode.LIMIT_OFFSET);
		PageStage refuseSecond = new PageStage() {

			@Override
			public <R> PageStage.Pass<R> open(WindowRead<R> read) {
				return (page) -> (page.index() == 1) ? Mono.error(new IllegalStateException("refused page 1"))
						: Mono.just(page);
			}

		};
		WindowReader reader = reader(pages, Pagination.LIMIT_OFFSET, refuseSecond);

		StepVerifier
			.create(WindowReader.records(reader.instances(this.users, QueryDefinition.ALL, null)).map(User::getId))
			.expectNext(1L, 2L)
			.expectErrorMessage("refused page 1")
			.verify(Duration.ofSeconds(5));
		assertThat(pages.fetched).containsExactly("/api/v1/users/?limit=2", "/api/v1/users/?limit=2&offset=2");
	}

	@Test
	void anAsynchronousStageIsWaitedForPageByPage() {
		PageStage later = new PageStage() {

			@Override
			public <R> PageStage.Pass<R> open(WindowRead<R> read) {
				return (page) -> Mono.delay(Duration.ofMillis(5)).thenReturn(page);
			}

		};
		WindowReader reader = reader(pages(5, DrfPages.Mode.LIMIT_OFFSET), Pagination.LIMIT_OFFSET, later);

		List<User> read = WindowReader.records(reader.instances(this.users, QueryDefinition.ALL, null))
			.collectList()
			.block(Duration.ofSeconds(5));

		assertThat(read).extracting(User::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
	}

	@Test
	void aStageOpensOnePassPerIterationAndOneWithNothingToDoIsLeftOut() {
		AtomicInteger opened = new AtomicInteger();
		PageStage idle = new PageStage() {

			@Override
			public <R> PageStage.@Nullable Pass<R> open(WindowRead<R> read) {
				opened.incrementAndGet();
				return null;
			}

		};
		Recording recording = new Recording("a");
		WindowReader reader = reader(pages(3, DrfPages.Mode.LIMIT_OFFSET), Pagination.LIMIT_OFFSET, idle, recording);
		Flux<List<User>> read = reader.instances(this.users, QueryDefinition.ALL, null);

		read.blockLast();
		read.blockLast();

		assertThat(opened).hasValue(2);
		assertThat(recording.opened).hasValue(2);
		assertThat(this.log).containsExactly("a 0 first [1, 2] of [1, 2]", "a 1 last [3] of [3]",
				"a 0 first [1, 2] of [1, 2]", "a 1 last [3] of [3]");
	}

	@Test
	void aPageSizeTheServerFixesIsLearntAndTheWindowAskedForAgainInIt() {
		DrfPages pages = new DrfPages(this.dialect, this.context.getJsonMapper(), 10, DrfPages.Mode.PAGE_NUMBER, 3,
				(id) -> "{\"id\":" + id + "}");
		WindowReader reader = reader(pages, Pagination.PAGE_NUMBER, new Recording("a"));

		List<User> window = WindowReader.records(reader.instances(this.users, QueryDefinition.ALL.slice(4, 6), null))
			.collectList()
			.block();
		List<User> next = WindowReader.records(reader.instances(this.users, QueryDefinition.ALL.slice(0, 3), null))
			.collectList()
			.block();

		assertThat(window).extracting(User::getId).containsExactly(5L, 6L);
		assertThat(next).extracting(User::getId).containsExactly(1L, 2L, 3L);
		// The first page, not the one asked for, never reached the stages.
		assertThat(this.log).containsExactly("a 0 first last [5, 6] of [4, 5, 6]",
				"a 0 first last [1, 2, 3] of [1, 2, 3]");
		assertThat(pages.fetched).containsExactly("/api/v1/users/?page=3&page_size=2",
				"/api/v1/users/?page=2&page_size=3", "/api/v1/users/?page_size=3");
	}

	@Test
	void aQueryIsWrittenOnceForItsQuerySetItsWindowsAndItsCount() {
		WindowReader reader = reader(pages(5, DrfPages.Mode.LIMIT_OFFSET), Pagination.LIMIT_OFFSET);
		QueryDefinition query = QueryDefinition.ALL.and(Q.of("id__gte", 1)).orderedBy(List.of("id"));

		String parameters = reader.queryParameters(query);
		reader.instances(this.users, query.slice(0, 3), null).blockLast();
		reader.instances(this.users, query, null).blockLast();
		reader.count(this.users, query).block();

		assertThat(parameters).isEqualTo("id__gte=1&ordering=id");
		assertThat(this.dialect.written).hasValue(1);
	}

	@Test
	void theFirstPageTellsTheTotalItAnnounces() {
		List<Long> totals = new ArrayList<>();
		WindowReader reader = reader(pages(5, DrfPages.Mode.LIMIT_OFFSET), Pagination.LIMIT_OFFSET);

		reader.instances(this.users, QueryDefinition.ALL.slice(0, 2), totals::add).blockLast();

		assertThat(totals).containsExactly(5L);
	}

	@Test
	void aCountIsTheTotalAnnouncedWithOneRecord() {
		DrfPages pages = pages(5, DrfPages.Mode.LIMIT_OFFSET);

		Long count = reader(pages, Pagination.LIMIT_OFFSET).count(this.users, QueryDefinition.ALL).block();

		assertThat(count).isEqualTo(5L);
		assertThat(pages.fetched).containsExactly("/api/v1/users/?limit=1");
	}

	@Test
	void aCountReadsEveryPageWhenTheApiAnnouncesNoTotal() {
		DrfPages pages = pages(5, DrfPages.Mode.LIMIT_OFFSET);
		pages.counts = false;

		Long count = reader(pages, Pagination.LIMIT_OFFSET).count(this.users, QueryDefinition.ALL).block();

		assertThat(count).isEqualTo(5L);
		assertThat(pages.fetched).containsExactly("/api/v1/users/?limit=1", "/api/v1/users/?limit=2",
				"/api/v1/users/?limit=2&offset=2", "/api/v1/users/?limit=2&offset=4");
	}

	@Test
	void theCountedInstancesOfAWindowCarryTheTotalOfTheQuery() {
		DrfPages pages = pages(5, DrfPages.Mode.LIMIT_OFFSET);

		String counted = reader(pages, Pagination.LIMIT_OFFSET)
			.counted(this.users, QueryDefinition.ALL.slice(2, 4), (records, total) -> ids(records) + " of " + total)
			.block();

		assertThat(counted).isEqualTo("[3, 4] of 5");
		assertThat(pages.fetched).containsExactly("/api/v1/users/?limit=2&offset=2");
	}

	@Test
	void existenceIsAskedWithOneRecord() {
		DrfPages pages = pages(5, DrfPages.Mode.LIMIT_OFFSET);
		DrfPages none = pages(0, DrfPages.Mode.LIMIT_OFFSET);

		assertThat(reader(pages, Pagination.LIMIT_OFFSET).exists(this.users, QueryDefinition.ALL).block()).isTrue();
		assertThat(reader(none, Pagination.LIMIT_OFFSET).exists(this.users, QueryDefinition.ALL).block()).isFalse();
		assertThat(pages.fetched).containsExactly("/api/v1/users/?limit=1");
	}

	@Test
	void aWholeCollectionSentAsAnArrayIsWindowedOnTheClient() {
		WindowReader reader = reader(pages(5, DrfPages.Mode.ARRAY), Pagination.LIMIT_OFFSET);

		List<User> window = WindowReader.records(reader.instances(this.users, QueryDefinition.ALL.slice(2, 4), null))
			.collectList()
			.block();

		assertThat(window).extracting(User::getId).containsExactly(3L, 4L);
	}

	@Test
	void theStagesAreToldWhatIsReadAndWhetherItIsHandedOut() {
		List<String> reads = new CopyOnWriteArrayList<>();
		PageStage watching = new PageStage() {

			@Override
			public <R> PageStage.@Nullable Pass<R> open(WindowRead<R> read) {
				reads.add(read.operation() + " " + read.query().limit() + " handed out " + read.handedOut() + " fields "
						+ (read.fields() != null));
				return null;
			}

		};
		DrfPages pages = pages(5, DrfPages.Mode.LIMIT_OFFSET);
		pages.counts = false;
		WindowReader reader = reader(pages, Pagination.LIMIT_OFFSET, watching);

		reader.instances(this.users, QueryDefinition.ALL.slice(0, 2), null).blockLast();
		reader.values(this.users, QueryDefinition.ALL.slice(0, 2)).blockLast();
		reader.exists(this.users, QueryDefinition.ALL).block();
		reader.count(this.users, QueryDefinition.ALL).block();

		assertThat(reads).containsExactly("list 2 handed out true fields true", "list 2 handed out false fields true",
				"exists 1 handed out false fields true", "count 1 handed out false fields true",
				"count null handed out false fields false");
	}

	private DrfPages pages(int total, DrfPages.Mode mode) {
		return new DrfPages(this.dialect, this.context.getJsonMapper(), total, mode);
	}

	private WindowReader reader(PageSource source, Pagination pagination, PageStage... stages) {
		return new WindowReader(source, this.dialect, new WindowReader.Paging(pagination, 2, true), null,
				List.of(stages));
	}

	private static String ids(List<?> records) {
		return records.stream().map((record) -> ((User) record).getId()).toList().toString();
	}

	/**
	 * Writes down each page it sees: its index, whether it is the first and the last, the
	 * records in the window and the records of the page as sent.
	 */
	private final class Recording implements PageStage {

		private final String name;

		private final AtomicInteger opened = new AtomicInteger();

		Recording(String name) {
			this.name = name;
		}

		@Override
		public <R> PageStage.Pass<R> open(WindowRead<R> read) {
			this.opened.incrementAndGet();
			return (page) -> {
				WindowReaderTests.this.log
					.add(this.name + " " + page.index() + (page.first() ? " first" : "") + (page.last() ? " last" : "")
							+ " " + ids(page.records()) + " of " + ids(page.page().records()));
				return Mono.just(page);
			};
		}

	}

	/**
	 * The DRF dialect, counting the queries it writes.
	 */
	static final class CountingDialect extends DrfDialect {

		final AtomicInteger written = new AtomicInteger();

		CountingDialect(tools.jackson.databind.json.JsonMapper mapper) {
			super(mapper);
		}

		@Override
		public String queryParameters(@Nullable Q filter, List<String> ordering) {
			this.written.incrementAndGet();
			return super.queryParameters(filter, ordering);
		}

	}

}
