package dev.apiorm.core.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.core.mapping.ApiEntityCodec;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.NotFoundException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.schema.SchemaCheck;

/**
 * Reads the windows of queries for one client: asks for the pages in the paging the
 * endpoint has shown so far, learns from the first page a page size or style the server
 * fixes (asking for the window again in it), takes a whole collection sent at once as
 * such, follows the pages across the window, and hands every page through the client's
 * {@link PageStage}s, in order, before its records reach the caller.
 */
public final class WindowReader {

	private static final RecordsReader<Boolean> SKIP = ApiEntityCodec::skipRecords;

	private final PageSource source;

	private final Dialect dialect;

	private final QueryEncoder encoder;

	private final PagingLearner paging;

	private final @Nullable SchemaCheck schemaCheck;

	private final List<PageStage> stages;

	private final CountTrust countTrust;

	/**
	 * A reader.
	 * @param source where pages come from
	 * @param dialect the API's convention
	 * @param paging the client's paging: its pagination, page size and whether windows
	 * are checked
	 * @param schemaCheck checks queries against the API's OpenAPI document, {@code null}
	 * for none
	 * @param stages the stages every page passes through, in order
	 */
	public WindowReader(PageSource source, Dialect dialect, Paging paging, @Nullable SchemaCheck schemaCheck,
			List<PageStage> stages) {
		this(source, dialect, paging, schemaCheck, stages, (entity, query) -> true);
	}

	/**
	 * A reader that believes the counts the API announces only where it is told to.
	 * @param source where pages come from
	 * @param dialect the API's convention
	 * @param paging the client's paging: its pagination, page size and whether windows
	 * are checked
	 * @param schemaCheck checks queries against the API's OpenAPI document, {@code null}
	 * for none
	 * @param stages the stages every page passes through, in order
	 * @param countTrust whether the count the API announces for a query is believed; the
	 * records of every page are counted (and checked by the stages) otherwise
	 */
	public WindowReader(PageSource source, Dialect dialect, Paging paging, @Nullable SchemaCheck schemaCheck,
			List<PageStage> stages, CountTrust countTrust) {
		Assert.notNull(source, "source must not be null");
		Assert.notNull(dialect, "dialect must not be null");
		Assert.notNull(paging, "paging must not be null");
		Assert.notNull(stages, "stages must not be null");
		Assert.noNullElements(stages, "stages must not contain null");
		this.source = source;
		this.dialect = dialect;
		this.encoder = new QueryEncoder(dialect);
		this.paging = new PagingLearner(dialect, source, paging.pagination(), paging.pageSize(), paging.verify());
		this.schemaCheck = schemaCheck;
		this.stages = List.copyOf(stages);
		Assert.notNull(countTrust, "countTrust must not be null");
		this.countTrust = countTrust;
	}

	/**
	 * How the endpoints read so far page, where that differs from the client's
	 * configuration (a page size the server fixes, another pagination style).
	 * @return the paging learnt, in the order of the models' names
	 */
	public List<LearntPaging> learntPaging() {
		return this.paging.learnt();
	}

	/**
	 * The request parameters of a query's condition and ordering, written once per query:
	 * a query set asks for them when it is built, and its windows reuse them.
	 * @param query the query
	 * @return the parameters, percent-encoded and joined with {@code &}
	 * @throws dev.apiorm.exception.UnsupportedQueryException when the dialect cannot
	 * express the condition
	 */
	public String queryParameters(QueryDefinition query) {
		return this.encoder.parameters(query);
	}

	/**
	 * The pages of a window, each through the stages.
	 * @param read what is read
	 * @param records reads the records of a page
	 * @param totals told the count the first page announces, if it does; {@code null}
	 * when nobody asks
	 * @param <R> the record type
	 * @return the records of each page in the window
	 */
	public <R> Flux<List<R>> pages(WindowRead<R> read, RecordsReader<R> records, @Nullable LongConsumer totals) {
		return Flux.defer(() -> {
			QueryDefinition query = read.query();
			String filter = this.encoder.parameters(query);
			if (this.schemaCheck != null) {
				this.schemaCheck.checkFilter(read.entity(),
						SchemaCheck.parameterNames(this.dialect, query.filter(), query.ordering()));
			}
			return window(read, records, totals, filter, this.paging.profile(read.entity()), true);
		});
	}

	/**
	 * The records of pages, one after the other, the next page asked for only when the
	 * subscriber wants more records than the pages before held.
	 * @param pages the pages
	 * @param <R> the record type
	 * @return the records
	 */
	public static <R> Flux<R> records(Flux<List<R>> pages) {
		return PageFlux.records(pages);
	}

	/**
	 * The pages of instances of a model handed out to the caller.
	 * @param entity the model
	 * @param query the query with its window
	 * @param totals told the count the first page announces, if it does; {@code null}
	 * when nobody asks
	 * @param <T> the model type
	 * @return the instances of each page in the window
	 */
	public <T> Flux<List<T>> instances(ApiPersistentEntity<T> entity, QueryDefinition query,
			@Nullable LongConsumer totals) {
		return pages(new WindowRead<>(entity, "list", query, entity.getRecordFields(), true),
				entity.getCodec()::readRecords, totals);
	}

	/**
	 * The records of a window as maps of API names, not handed out as instances.
	 * @param entity the model
	 * @param query the query with its window
	 * @return the records
	 */
	public Flux<Map<String, Object>> values(ApiPersistentEntity<?> entity, QueryDefinition query) {
		return records(pages(new WindowRead<>(entity, "list", query, entity.getMapFields(), false),
				entity.getCodec()::readMaps, null));
	}

	/**
	 * Whether a query matches a record, from a page of one record (checked by the
	 * stages).
	 * @param entity the model
	 * @param query the query
	 * @return whether a record matches
	 */
	public Mono<Boolean> exists(ApiPersistentEntity<?> entity, QueryDefinition query) {
		return pages(new WindowRead<>(entity, "exists", query.slice(0, 1), entity.getMapFields(), false),
				entity.getCodec()::readMaps, null)
			.any((page) -> !page.isEmpty());
	}

	/**
	 * The instances of a window with the number of records the query matches without its
	 * window: the count the first page announces where the {@link CountTrust} believes it
	 * (asked once the page's records were checked), or the query counted.
	 * @param entity the model
	 * @param query the query with its window
	 * @param result makes the result of the instances and the count
	 * @param <T> the model type
	 * @param <V> the result type
	 * @return the result
	 */
	public <T, V> Mono<V> counted(ApiPersistentEntity<T> entity, QueryDefinition query,
			BiFunction<List<T>, Long, V> result) {
		return Mono.defer(() -> {
			Long[] total = new Long[1];
			QueryDefinition counted = query.unsliced().orderedBy(List.of());
			return instances(entity, query, (count) -> total[0] = count).collectList()
				.map(WindowReader::concat)
				.flatMap((records) -> (total[0] != null && this.countTrust.trusts(entity, counted))
						? Mono.just(result.apply(records, total[0]))
						: count(entity, counted).map((all) -> result.apply(records, all)));
		});
	}

	/**
	 * The number of records a query matches. Without a filter, the count a page of one
	 * record announces, or the records of every page counted when the API gives none;
	 * with one, see {@link #checkedCount}.
	 * @param entity the model
	 * @param query the query, without its window
	 * @param <T> the model type
	 * @return the count
	 */
	public <T> Mono<Long> count(ApiPersistentEntity<T> entity, QueryDefinition query) {
		return Mono.defer(() -> {
			Long[] total = new Long[1];
			if (query.filter() != null) {
				return checkedCount(entity, query, total);
			}
			WindowRead<T> one = new WindowRead<>(entity, "count", query.slice(0, 1), entity.getRecordFields(), false);
			return pages(one, entity.getCodec()::readRecords, (count) -> total[0] = count)
				.then(Mono.defer(() -> (total[0] != null) ? Mono.just(total[0])
						: pages(new WindowRead<Boolean>(entity, "count", query, null, false), SKIP, null)
							.map(List::size)
							.reduce(0L, Long::sum)));
		});
	}

	/**
	 * Counts a filtered query as {@code list()} reads it: its first page is read whole
	 * and checked by the stages, and a total it holds all of must match it. The total of
	 * a longer answer is believed where the {@link CountTrust} (asked after that first
	 * page) believes it; the records of every page are counted and checked otherwise.
	 */
	private <T> Mono<Long> checkedCount(ApiPersistentEntity<T> entity, QueryDefinition query, Long[] total) {
		boolean[] believed = new boolean[1];
		long[] counted = new long[1];
		return pages(new WindowRead<>(entity, "count", query, entity.getMapFields(), false),
				entity.getCodec()::readMaps, (count) -> total[0] = count)
			.doOnNext((page) -> counted[0] += page.size())
			.takeUntil((page) -> believed[0] = total[0] != null && this.countTrust.trusts(entity, query))
			.then(Mono.fromSupplier(() -> {
				Long announced = total[0];
				return (believed[0] && announced != null) ? announced : counted[0];
			}));
	}

	/**
	 * The records of pages as one list, without copying a single page.
	 * @param pages the pages
	 * @param <R> the record type
	 * @return the records
	 */
	public static <R> List<R> concat(List<List<R>> pages) {
		if (pages.size() == 1) {
			return pages.get(0);
		}
		int size = 0;
		for (List<R> page : pages) {
			size += page.size();
		}
		List<R> all = new ArrayList<>(size);
		pages.forEach(all::addAll);
		return all;
	}

	private <R> Flux<List<R>> window(WindowRead<R> read, RecordsReader<R> records, @Nullable LongConsumer totals,
			String filter, PagingProfile profile, boolean mayAdapt) {
		QueryDefinition query = read.query();
		PagingLearner.Attempt attempt = this.paging.attempt(read.entity(), query, filter, profile, mayAdapt);
		PageFlux.Handler<R> handler = handler(read);
		boolean[] first = { true };
		Flux<List<R>> pages = PageFlux.of(attempt.firstUrl(), attempt.start().skip(), query.offset(), query.limit(),
				(url) -> fetch(read, url, records, first[0] && !filter.isEmpty()).map((page) -> {
					if (!first[0]) {
						return page;
					}
					first[0] = false;
					if (totals != null && page.count() != null) {
						totals.accept(page.count());
					}
					return this.paging.check(attempt, page);
				}), (pageUrl, next) -> this.source.nextUrl(read.entity(), pageUrl, next), this.source::display,
				handler);
		return !mayAdapt ? pages : pages.onErrorResume(PagingLearner.PagingChanged.class,
				(changed) -> window(read, records, totals, filter, changed.paging(), false));
	}

	/**
	 * Fetches a page. An API that answers a filtered query that matches nothing with 404
	 * (as some hand-written ones do) is told apart from a missing collection by asking
	 * for the collection without parameters: when that is served, the 404 is an empty
	 * page, which the stages then prove like any empty answer.
	 */
	private <R> Mono<PageResult<R>> fetch(WindowRead<R> read, String url, RecordsReader<R> records,
			boolean filteredFirst) {
		Mono<PageResult<R>> page = this.source.fetch(read.entity(), read.operation(), url, records);
		if (!filteredFirst) {
			return page;
		}
		return page.onErrorResume(NotFoundException.class,
				(notFound) -> this.source
					.fetch(read.entity(), read.operation(), this.source.collectionUrl(read.entity()), SKIP)
					.map((bare) -> new PageResult<R>(List.of(), 0L, null, true))
					.onErrorMap((bareFailure) -> notFound));
	}

	/**
	 * The stages' passes over one iteration, opened when it starts; {@code null} when no
	 * stage has anything to do.
	 */
	private <R> PageFlux.@Nullable Handler<R> handler(WindowRead<R> read) {
		List<PageStage.Pass<R>> passes = new ArrayList<>(this.stages.size());
		for (PageStage stage : this.stages) {
			PageStage.Pass<R> pass = stage.open(read);
			if (pass != null) {
				passes.add(pass);
			}
		}
		if (passes.isEmpty()) {
			return null;
		}
		if (passes.size() == 1) {
			PageStage.Pass<R> only = passes.get(0);
			return (page, kept, index, last) -> apply(only, new StagedPage<>(page, kept, index, last))
				.map(StagedPage::records);
		}
		return (page, kept, index, last) -> {
			Mono<StagedPage<R>> staged = Mono.just(new StagedPage<>(page, kept, index, last));
			for (PageStage.Pass<R> pass : passes) {
				staged = staged.flatMap((current) -> apply(pass, current));
			}
			return staged.map(StagedPage::records);
		};
	}

	/**
	 * A stage's work on a page, an {@link Error} it throws (an {@code OutOfMemoryError}
	 * on a large page) signalled as an {@link ApiDecodeException}: Reactor lets the JVM's
	 * fatal errors unwind the network thread's task without a signal, and the caller
	 * would wait for ever.
	 */
	private static <R> Mono<StagedPage<R>> apply(PageStage.Pass<R> pass, StagedPage<R> page) {
		try {
			return pass.apply(page);
		}
		catch (Error error) {
			return Mono
				.error(new ApiDecodeException("page " + (page.index() + 1) + " could not be processed: a page stage "
						+ "failed with " + error.getClass().getSimpleName() + ": " + error.getMessage(), error));
		}
	}

	@Override
	public String toString() {
		return "WindowReader" + this.stages;
	}

	/**
	 * Whether the count an API announces for a query is believed.
	 */
	@FunctionalInterface
	public interface CountTrust {

		/**
		 * Whether the count the API announces for a query is believed.
		 * @param entity the model
		 * @param query the query, without its window and ordering
		 * @return {@code true} to believe it
		 */
		boolean trusts(ApiPersistentEntity<?> entity, QueryDefinition query);

	}

	/**
	 * How a client pages.
	 *
	 * @param pagination the pagination of models that declare none
	 * @param pageSize records per page
	 * @param verify whether the first page of a window is checked against where it was
	 * asked to start (and the endpoint's paging learnt from it)
	 */
	public record Paging(Pagination pagination, int pageSize, boolean verify) {

		public Paging {
			Assert.notNull(pagination, "pagination must not be null");
			Assert.isTrue(pageSize > 0, "pageSize must be positive");
		}

	}

}
