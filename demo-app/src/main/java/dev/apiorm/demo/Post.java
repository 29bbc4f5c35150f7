package dev.apiorm.demo;

import dev.apiorm.ApiModel;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * A post of the remote API.
 *
 * @param id the id, {@code null} before it is created
 * @param title the title
 * @param body the text
 * @param published whether it is published
 * @param author the id of the user who wrote it
 */
@ApiModel(endpoint = "/api/v1/posts/")
public record Post(@Nullable Long id, @NotBlank String title, String body, boolean published, long author) {
}
