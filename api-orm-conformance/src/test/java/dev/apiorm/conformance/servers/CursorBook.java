package dev.apiorm.conformance.servers;

import dev.apiorm.ApiModel;
import dev.apiorm.conformance.dialects.Book;

/**
 * A book of the DRF endpoint paged by {@code CursorPagination}.
 */
@ApiModel(endpoint = "/api/v1/cursor-books/")
public class CursorBook extends Book {

}
