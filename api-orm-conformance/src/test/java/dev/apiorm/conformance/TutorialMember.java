package dev.apiorm.conformance;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.apiorm.ApiModel;
import dev.apiorm.Pagination;

/**
 * The DRF server's user as the official DRF tutorial would serve it: page-number
 * pagination of 10, and no filter or ordering backend.
 *
 * @param id the id
 * @param name the name
 * @param email the email
 * @param role the role
 * @param age the age
 * @param createdAt when it was created
 */
@ApiModel(endpoint = "/api/v1/tutorial-users/", pagination = Pagination.PAGE_NUMBER)
public record TutorialMember(Long id, String name, String email, String role, Integer age,
		@JsonProperty("created_at") OffsetDateTime createdAt) {
}
