package dev.apiorm.core.page;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.util.UriComponentsBuilder;

import dev.apiorm.Pagination;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.query.QueryDefinition;

/**
 * Learns how each endpoint pages from the first page of its windows: a page size the
 * server fixes, or a pagination style other than the one configured. It plans the first
 * request of a window in the paging learnt so far, and checks that the first page starts
 * where it was asked.
 */
final class PagingLearner {

	private final Dialect dialect;

	private final PageSource source;

	private final Pagination pagination;

	private final int pageSize;

	private final boolean verify;

	/**
	 * The paging each endpoint has shown, where it differs from the configured one.
	 */
	private final Map<ApiPersistentEntity<?>, PagingProfile> learnt = new ConcurrentHashMap<>();

	/**
	 * A learner.
	 * @param pagination the client's pagination, for models that declare none
	 * @param pageSize the client's page size
	 * @param verify whether windows are checked (and paging learnt) at all
	 */
	PagingLearner(Dialect dialect, PageSource source, Pagination pagination, int pageSize, boolean verify) {
		this.dialect = dialect;
		this.source = source;
		this.pagination = pagination;
		this.pageSize = pageSize;
		this.verify = verify;
	}

	/**
	 * The paging of an endpoint as learnt so far, the configured one at first.
	 */
	PagingProfile profile(ApiPersistentEntity<?> entity) {
		PagingProfile known = this.learnt.get(entity);
		if (known != null) {
			return known;
		}
		Pagination style = (entity.getPagination() != Pagination.CLIENT_DEFAULT) ? entity.getPagination()
				: this.pagination;
		return new PagingProfile(style, null);
	}

	/**
	 * What every endpoint has shown so far, where it differs from the configuration.
	 * @return the paging learnt, in the order of the models' names
	 */
	List<LearntPaging> learnt() {
		return this.learnt.entrySet()
			.stream()
			.map((entry) -> new LearntPaging(entry.getKey().getModelName(), entry.getValue().style(),
					entry.getValue().fixedSize()))
			.sorted(Comparator.comparing(LearntPaging::model))
			.toList();
	}

	/**
	 * The first request of a window in a paging.
	 * @param filter the query's encoded condition and ordering
	 * @param mayAdapt whether a paging other than this one may be adopted once the first
	 * page shows it
	 */
	Attempt attempt(ApiPersistentEntity<?> entity, QueryDefinition query, String filter, PagingProfile paging,
			boolean mayAdapt) {
		int size = paging.pageSize(this.pageSize, query, this.verify);
		Dialect.PageStart start = this.dialect.pageParameters(paging.style(), query.offset(), size);
		String firstUrl = this.source.collectionUrl(entity, filter, start.parameters());
		return new Attempt(entity, query, paging, size, start, firstUrl, mayAdapt);
	}

	/**
	 * Checks that the first page of a window starts where it was asked, learning the
	 * endpoint's paging from it.
	 * @return the page, or the page taken as the whole collection when the server sent it
	 * all at once
	 * @throws PagingChanged when the window must be asked for again in the paging learnt
	 * @throws IgnoredFilterException when the window cannot be made right
	 */
	<R> PageResult<R> check(Attempt attempt, PageResult<R> page) {
		if (!this.verify || !page.paginated()) {
			return page;
		}
		PagingProfile paging = attempt.paging();
		QueryDefinition query = attempt.query();
		PageLayout layout = this.dialect.layoutOf(page, attempt.firstUrl());
		PagingProfile learnt = paging.learn(layout, attempt.size());
		if (!learnt.equals(paging)) {
			this.learnt.put(attempt.entity(), learnt);
		}
		long expected = query.offset() - attempt.start().skip();
		Long observed = layout.start();
		if (query.offset() > 0 && linksItself(attempt, page)) {
			// At offset 0 that is a loop, which paging ends after the page; here the
			// page is not the one asked for.
			throw ignoredPaging(attempt, "links the page asked for as its own next page");
		}
		boolean moved = observed != null && observed != expected;
		if (observed != null && moved && observed == 0 && page.next() == null) {
			// The server sent the whole collection at once: the client takes the window.
			return page.asWholeCollection();
		}
		Dialect.PageStart again = this.dialect.pageParameters(learnt.style(), query.offset(),
				learnt.pageSize(this.pageSize, query, this.verify));
		boolean recomputed = !learnt.equals(paging) && again.skip() != attempt.start().skip();
		if (!moved && !recomputed) {
			return page;
		}
		if (attempt.mayAdapt() && !learnt.equals(paging)) {
			throw new PagingChanged(learnt);
		}
		throw ignoredPaging(attempt, "returned a page that starts at record " + observed + ", not at record " + expected
				+ ", and its links show no paging the client can follow");
	}

	private static IgnoredFilterException ignoredPaging(Attempt attempt, String what) {
		QueryDefinition query = attempt.query();
		String parameter = (attempt.paging().style() == Pagination.PAGE_NUMBER) ? "page" : "offset";
		return new IgnoredFilterException(parameter,
				attempt.entity().getModelName() + " list: the API ignored the paging asked for ("
						+ attempt.start().parameters() + "): it " + what + " to the window [" + query.offset() + ", "
						+ ((query.limit() != null) ? query.offset() + query.limit() : "end")
						+ "); the records are not returned because they are not the window asked for");
	}

	private boolean linksItself(Attempt attempt, PageResult<?> page) {
		String next = page.next();
		if (next == null) {
			return false;
		}
		try {
			return sameQuery(attempt.firstUrl(), this.source.nextUrl(attempt.entity(), attempt.firstUrl(), next));
		}
		catch (RuntimeException ex) {
			// A link that must not be followed ends the paging after this page.
			return false;
		}
	}

	/**
	 * Whether two URLs carry the same query parameters, in any order.
	 */
	static boolean sameQuery(String a, String b) {
		try {
			return UriComponentsBuilder.fromUriString(a)
				.build()
				.getQueryParams()
				.equals(UriComponentsBuilder.fromUriString(b).build().getQueryParams());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * One attempt at a window: the paging it is asked in and its first request.
	 *
	 * @param entity the model
	 * @param query the query with its window
	 * @param paging the paging the window is asked in
	 * @param size the page size asked for
	 * @param start the paging parameters of the first page
	 * @param firstUrl the URL of the first page
	 * @param mayAdapt whether another paging may still be adopted
	 */
	record Attempt(ApiPersistentEntity<?> entity, QueryDefinition query, PagingProfile paging, int size,
			Dialect.PageStart start, String firstUrl, boolean mayAdapt) {
	}

	/**
	 * The first page showed a paging other than the one the window was asked in.
	 */
	static final class PagingChanged extends RuntimeException {

		private final PagingProfile paging;

		PagingChanged(PagingProfile paging) {
			super(null, null, false, false);
			this.paging = paging;
		}

		PagingProfile paging() {
			return this.paging;
		}

	}

}
