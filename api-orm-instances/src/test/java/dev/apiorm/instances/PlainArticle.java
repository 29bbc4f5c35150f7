package dev.apiorm.instances;

import dev.apiorm.ApiModel;

/**
 * The same record as {@link Article}, read through the client {@code plain}, which has no
 * cache: the baseline of the measurements.
 *
 * @param id the id
 * @param name a name
 * @param text a long text
 */
@ApiModel(endpoint = "/api/v1/articles/", client = "plain")
public record PlainArticle(Long id, String name, String text) {
}
