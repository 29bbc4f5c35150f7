package dev.apiorm.conformance;

import dev.apiorm.ApiModel;
import dev.apiorm.Pagination;

/**
 * The same 10,000 records on PageNumberPagination.
 *
 * @param id the id
 * @param seq the position, 0 to 9999
 * @param label the label
 */
@ApiModel(endpoint = "/api/v1/paged-records/", pagination = Pagination.PAGE_NUMBER)
public record PagedEntry(Long id, int seq, String label) {
}
