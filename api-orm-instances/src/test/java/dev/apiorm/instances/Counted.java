package dev.apiorm.instances;

import dev.apiorm.ApiModel;

/**
 * The record the counting server answers with.
 *
 * @param id the id asked for
 * @param name a name
 */
@ApiModel(endpoint = "/api/v1/counted/")
public record Counted(Long id, String name) {
}
