package dev.apiorm.core;

import dev.apiorm.Pagination;

/**
 * How a client reads collections. Each {@code withX} returns a copy with one value
 * changed; the values are checked when they become part of {@link ApiClientSettings}.
 *
 * @param pageSize how many records to ask for per page
 * @param pagination how the API pages collections
 */
public record PagingSettings(int pageSize, Pagination pagination) {

	/** The defaults: 100 records per page, limit/offset. */
	public static final PagingSettings DEFAULTS = new PagingSettings(100, Pagination.LIMIT_OFFSET);

	public PagingSettings withPageSize(int pageSize) {
		return new PagingSettings(pageSize, this.pagination);
	}

	public PagingSettings withPagination(Pagination pagination) {
		return new PagingSettings(this.pageSize, pagination);
	}

	void check(String prefix) {
		SettingRules.positive(this.pageSize, prefix + "page-size");
		if (this.pagination == null || this.pagination == Pagination.CLIENT_DEFAULT) {
			throw SettingRules.invalid(prefix + "pagination", this.pagination,
					"must name a style (limit-offset, page-number, none)");
		}
	}

}
