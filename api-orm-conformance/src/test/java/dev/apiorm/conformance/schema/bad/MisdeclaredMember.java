package dev.apiorm.conformance.schema.bad;

import dev.apiorm.ApiModel;

/**
 * The server's user declared with a field it does not have and a type it cannot hold.
 *
 * @param id the id
 * @param nickname not a field of the API's users
 * @param email text in the API, not a number
 */
@ApiModel(endpoint = "/api/v1/users/")
public record MisdeclaredMember(Long id, String nickname, Integer email) {
}
