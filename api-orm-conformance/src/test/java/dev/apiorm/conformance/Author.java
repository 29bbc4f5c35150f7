package dev.apiorm.conformance;

import dev.apiorm.ApiModel;

/**
 * An author of the DRF server's novels.
 *
 * @param id the id
 * @param name the name
 * @param country the country code
 */
@ApiModel(endpoint = "/api/v1/authors/")
public record Author(Long id, String name, String country) {
}
