package dev.apiorm.conformance;

import dev.apiorm.ApiModel;

/**
 * A tag of the DRF server's novels (a many-to-many relation).
 *
 * @param id the id
 * @param name the name
 */
@ApiModel(endpoint = "/api/v1/tags/")
public record Tag(Long id, String name) {
}
