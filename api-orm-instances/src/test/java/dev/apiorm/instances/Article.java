package dev.apiorm.instances;

import dev.apiorm.ApiModel;

/**
 * A record of the {@link ArticleServer}, read through the default client, whose GETs are
 * cached.
 *
 * @param id the id
 * @param name a name
 * @param text a long text, so that a download costs bytes
 */
@ApiModel(endpoint = "/api/v1/articles/")
public record Article(Long id, String name, String text) {
}
