package dev.apiorm.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.apiorm.dialect.convention.ConventionDescription;

/**
 * How a described convention asks for pages ({@code api-orm.convention.paging.*}), and
 * what its answers show of the paging the server applied.
 */
public class ConventionPagingProperties {

	/** How pages are asked for: offset (default), page, cursor or none. */
	private @Nullable String type;

	/**
	 * Parameter of the first record's index with offset paging (default offset; $skip).
	 */
	private @Nullable String offset;

	/** Parameter of the page size with offset paging (default limit; $limit). */
	private @Nullable String limit;

	/** Parameter of the page number with page paging (default page). */
	private @Nullable String page;

	/** Parameter of the page size with page or cursor paging (default size). */
	private @Nullable String size;

	/** Number of the first page, 0 or 1 (default 1). */
	private @Nullable Integer firstPage;

	/** Parameter that carries a cursor read at convention.next (default cursor). */
	private @Nullable String cursor;

	/**
	 * Body path where an answer shows the offset it starts at (skip): a wrong window is
	 * caught.
	 */
	private @Nullable String shownOffset;

	/** Body path where an answer shows its page number (page). */
	private @Nullable String shownPage;

	/**
	 * Body path where an answer shows the page size it served (limit, size): a capped
	 * size is adopted.
	 */
	private @Nullable String shownSize;

	ConventionDescription.Paging description() {
		return new ConventionDescription.Paging(this.type, this.offset, this.limit, this.page, this.size,
				this.firstPage, this.cursor, this.shownOffset, this.shownPage, this.shownSize);
	}

	public @Nullable String getType() {
		return this.type;
	}

	public void setType(@Nullable String type) {
		this.type = type;
	}

	public @Nullable String getOffset() {
		return this.offset;
	}

	public void setOffset(@Nullable String offset) {
		this.offset = offset;
	}

	public @Nullable String getLimit() {
		return this.limit;
	}

	public void setLimit(@Nullable String limit) {
		this.limit = limit;
	}

	public @Nullable String getPage() {
		return this.page;
	}

	public void setPage(@Nullable String page) {
		this.page = page;
	}

	public @Nullable String getSize() {
		return this.size;
	}

	public void setSize(@Nullable String size) {
		this.size = size;
	}

	public @Nullable Integer getFirstPage() {
		return this.firstPage;
	}

	public void setFirstPage(@Nullable Integer firstPage) {
		this.firstPage = firstPage;
	}

	public @Nullable String getCursor() {
		return this.cursor;
	}

	public void setCursor(@Nullable String cursor) {
		this.cursor = cursor;
	}

	public @Nullable String getShownOffset() {
		return this.shownOffset;
	}

	public void setShownOffset(@Nullable String shownOffset) {
		this.shownOffset = shownOffset;
	}

	public @Nullable String getShownPage() {
		return this.shownPage;
	}

	public void setShownPage(@Nullable String shownPage) {
		this.shownPage = shownPage;
	}

	public @Nullable String getShownSize() {
		return this.shownSize;
	}

	public void setShownSize(@Nullable String shownSize) {
		this.shownSize = shownSize;
	}

}
