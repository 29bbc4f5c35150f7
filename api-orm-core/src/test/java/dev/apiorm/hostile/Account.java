package dev.apiorm.hostile;

import dev.apiorm.ApiModel;

/**
 * A model whose string ids name the hostile server's faults.
 *
 * @param id the id
 * @param name the name
 */
@ApiModel(endpoint = "/api/v1/users/")
public record Account(String id, String name) {
}
