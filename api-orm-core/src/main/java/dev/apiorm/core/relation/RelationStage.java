package dev.apiorm.core.relation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.page.PageStage;
import dev.apiorm.core.page.WindowRead;

/**
 * The page stage of {@code selectRelated} / {@code prefetchRelated}: for each page of
 * instances handed out, the related records its instances hold as ids are collected, each
 * id once, fetched with one {@code id__in} request per relation (more only when the ids
 * do not fit in a page or a URL), and put in place before the page reaches the caller.
 * Listing 1,000 books with their authors in pages of 100 takes 10 requests for the books
 * and at most 10 for the authors, not 1,010.
 */
public final class RelationStage implements PageStage {

	private final RelatedRecords related;

	/**
	 * The stage.
	 * @param related resolves the related records
	 */
	public RelationStage(RelatedRecords related) {
		Assert.notNull(related, "related must not be null");
		this.related = related;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> @Nullable Pass<R> open(WindowRead<R> read) {
		List<String> paths = read.query().related();
		if (!read.handedOut() || paths.isEmpty()) {
			return null;
		}
		ApiPersistentEntity<R> entity = (ApiPersistentEntity<R>) read.entity();
		return (page) -> this.related.prefetch(entity, page.records(), paths).map(page::withRecords);
	}

	@Override
	public String toString() {
		return "RelationStage";
	}

}
