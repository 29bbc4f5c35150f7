package dev.apiorm.conformance;

import dev.apiorm.ApiModel;
import dev.apiorm.Pagination;

/**
 * The DRF server's post, on its PageNumberPagination endpoint.
 *
 * @param id the id
 * @param title the title
 * @param body the text
 * @param published whether it is published
 * @param author the author's id
 */
@ApiModel(endpoint = "/api/v1/posts/", pagination = Pagination.PAGE_NUMBER)
public record Article(Long id, String title, String body, boolean published, long author) {
}
