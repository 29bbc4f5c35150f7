package dev.apiorm.core;

import dev.apiorm.Pagination;

/**
 * How a client reads collections. Each {@code withX} returns a copy with one value
 * changed; the values are checked when they become part of {@link ApiClientSettings}.
 *
 * @param pageSize how many records to ask for per page
 * @param pagination how the API pages collections
 * @param maxListRecords the most records a list may hold ({@code list()}, and the result
 * cache it fills); a longer one fails before the rest is read, pointing to
 * {@code stream()} and {@code flux()}, which hold a page at a time
 */
public record PagingSettings(int pageSize, Pagination pagination, int maxListRecords) {

	/**
	 * The defaults: 100 records per page, limit/offset, lists of up to 100,000 records.
	 */
	public static final PagingSettings DEFAULTS = new PagingSettings(100, Pagination.LIMIT_OFFSET, 100_000);

	public PagingSettings withPageSize(int pageSize) {
		return new PagingSettings(pageSize, this.pagination, this.maxListRecords);
	}

	public PagingSettings withPagination(Pagination pagination) {
		return new PagingSettings(this.pageSize, pagination, this.maxListRecords);
	}

	public PagingSettings withMaxListRecords(int maxListRecords) {
		return new PagingSettings(this.pageSize, this.pagination, maxListRecords);
	}

	void check(String prefix) {
		SettingRules.positive(this.pageSize, prefix + "page-size");
		if (this.pagination == null || this.pagination == Pagination.CLIENT_DEFAULT) {
			throw SettingRules.invalid(prefix + "pagination", this.pagination,
					"must name a style (limit-offset, page-number, none)");
		}
		SettingRules.positive(this.maxListRecords, prefix + "max-list-records");
	}

}
