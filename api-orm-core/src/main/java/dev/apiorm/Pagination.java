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
	NONE

}
