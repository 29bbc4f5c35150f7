package dev.apiorm.core.page;

import java.util.List;

import org.springframework.util.Assert;

import dev.apiorm.dialect.PageResult;

/**
 * A page of a window on its way through the {@link PageStage}s.
 *
 * @param page the page as the API sent it (its records, count and links), or as the whole
 * collection when the server sent it all at once
 * @param records the records of the page that fall into the window, in order: what the
 * caller receives
 * @param index the position of the page in the iteration, {@code 0} for the first
 * @param last whether the window ends with this page: no page is asked for after it, and
 * the iteration does not fail after its records
 * @param <R> the record type
 */
public record StagedPage<R>(PageResult<R> page, List<R> records, int index, boolean last) {

	public StagedPage {
		Assert.notNull(page, "page must not be null");
		Assert.notNull(records, "records must not be null");
		Assert.isTrue(index >= 0, "index must not be negative");
	}

	/**
	 * Whether this is the first page of the iteration.
	 * @return {@code true} for the first page
	 */
	public boolean first() {
		return this.index == 0;
	}

	/**
	 * This page with other records for the caller, as a stage that replaces them gives it
	 * on.
	 * @param records the records
	 * @return the page
	 */
	public StagedPage<R> withRecords(List<R> records) {
		return new StagedPage<>(this.page, records, this.index, this.last);
	}

}
