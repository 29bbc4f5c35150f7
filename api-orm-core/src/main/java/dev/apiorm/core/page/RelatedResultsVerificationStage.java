package dev.apiorm.core.page;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.Q;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.query.RecordFields;

/**
 * The stage after the relation stage of {@code selectRelated} / {@code prefetchRelated}:
 * checks the lookups and orderings across those relations ({@code author__country},
 * {@code -author__name}) on the whole related records just put in place, as the
 * {@link VerificationStage} checks the model's own fields (where the records held the
 * related records as ids, it could not). A contradiction ends the iteration with an
 * {@link dev.apiorm.exception.IgnoredFilterException} naming the parameter the API
 * ignored. It opens only for a query that both selects a relation and filters or orders
 * across it.
 */
public final class RelatedResultsVerificationStage implements PageStage {

	private final Dialect dialect;

	private final boolean enabled;

	/**
	 * The stage.
	 * @param dialect names the parameters the API ignored as they were sent
	 * @param enabled whether results are verified at all
	 */
	public RelatedResultsVerificationStage(Dialect dialect, boolean enabled) {
		Assert.notNull(dialect, "dialect must not be null");
		this.dialect = dialect;
		this.enabled = enabled;
	}

	@Override
	public <R> @Nullable Pass<R> open(WindowRead<R> read) {
		RecordFields<R> fields = read.fields();
		QueryDefinition query = read.query();
		if (!this.enabled || fields == null || !read.handedOut() || !crossesSelectedRelation(query)) {
			return null;
		}
		ResultVerifier<R> verifier = ResultVerifier.of(read.entity(), this.dialect, query, fields);
		if (verifier == null) {
			return null;
		}
		return (page) -> {
			verifier.check(page.page().records());
			return Mono.just(page);
		};
	}

	private static boolean crossesSelectedRelation(QueryDefinition query) {
		List<String> related = query.related();
		if (related.isEmpty()) {
			return false;
		}
		for (String field : query.ordering()) {
			if (crosses(field.startsWith("-") ? field.substring(1) : field, related)) {
				return true;
			}
		}
		return query.filter() != null && crosses(query.filter(), related);
	}

	private static boolean crosses(Q condition, List<String> related) {
		if (condition instanceof Q.Lookup lookup) {
			return crosses(lookup.lookup(), related);
		}
		if (condition instanceof Q.Not not) {
			return crosses(not.condition(), related);
		}
		List<Q> parts = (condition instanceof Q.And and) ? and.conditions() : ((Q.Or) condition).conditions();
		for (Q part : parts) {
			if (crosses(part, related)) {
				return true;
			}
		}
		return false;
	}

	private static boolean crosses(String field, List<String> related) {
		for (String path : related) {
			int split = path.indexOf("__");
			String relation = (split < 0) ? path : path.substring(0, split);
			if (field.startsWith(relation + "__")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "RelatedResultsVerificationStage[" + (this.enabled ? "on" : "off") + "]";
	}

}
