package dev.apiorm.conformance.schema.bad;

import dev.apiorm.ApiModel;

/**
 * A model of an endpoint the API does not have.
 *
 * @param id the id
 */
@ApiModel(endpoint = "/api/v1/ghosts/")
public record Ghost(Long id) {
}
