package dev.apiorm;

/**
 * How an endpoint pages its collection.
 */
public enum Pagination {

	/** Use the setting of the client that serves the model. */
	CLIENT_DEFAULT,

	/** {@code limit}/{@code offset} parameters (DRF's LimitOffsetPagination). */
	LIMIT_OFFSET,

	/** {@code page}/{@code page_size} parameters (DRF's PageNumberPagination). */
	PAGE_NUMBER,

	/** The endpoint returns the whole collection as one JSON array. */
	NONE,

	/**
	 * Opaque cursors in the next-page links (DRF's CursorPagination): only the first page
	 * can be asked for, with a page size; a window that starts later is walked to from
	 * the first page, its records checked on the way.
	 */
	CURSOR

}
