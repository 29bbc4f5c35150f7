package dev.apiorm.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.apiorm.ApiModel;
import org.jspecify.annotations.Nullable;

/**
 * A record of about 200 bytes of JSON, as a typical REST resource.
 *
 * @param id the id
 * @param name the name
 * @param email the email
 * @param role the role
 * @param age the age
 * @param active whether active
 * @param createdAt when created
 */
@ApiModel(endpoint = "/api/v1/customers/")
public record Customer(Long id, String name, String email, String role, int age, boolean active,
		@JsonProperty("created_at") @Nullable String createdAt) {
}
