package dev.apiorm.conformance;

import dev.apiorm.ApiModel;

/**
 * One of the 10,000 generated records, on LimitOffsetPagination.
 *
 * @param id the id
 * @param seq the position, 0 to 9999
 * @param label the label
 */
@ApiModel(endpoint = "/api/v1/records/")
public record Entry(Long id, int seq, String label) {
}
