package dev.apiorm.test.docs;

import dev.apiorm.ApiModel;

/**
 * An author of the relations example: novels refer to authors.
 *
 * @param id the id
 * @param name the name
 * @param country the country
 */
@ApiModel(endpoint = "/api/v1/authors/")
public record Author(Long id, String name, String country) {
}
