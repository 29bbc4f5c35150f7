package dev.apiorm.core;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Pagination;

/**
 * How an endpoint pages, as configured at first and then as its responses showed: the
 * pagination style, and the page size the server fixes whatever the client asks for.
 *
 * @param style the pagination style
 * @param fixedSize the server's page size, {@code null} while it honours the size asked
 * for
 */
record PagingProfile(Pagination style, @Nullable Integer fixedSize) {

}
