package dev.apiorm.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.apiorm.ApiModel;
import org.jspecify.annotations.Nullable;

/**
 * The same resource as {@link Customer}, as a mutable bean: every field can change, so
 * change tracking fingerprints each of them.
 */
@ApiModel(endpoint = "/api/v1/customers/")
public class MutableCustomer {

	private @Nullable Long id;

	private @Nullable String name;

	private @Nullable String email;

	private @Nullable String role;

	private int age;

	private boolean active;

	@JsonProperty("created_at")
	private @Nullable String createdAt;

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getRole() {
		return this.role;
	}

	public void setRole(@Nullable String role) {
		this.role = role;
	}

	public int getAge() {
		return this.age;
	}

	public void setAge(int age) {
		this.age = age;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public @Nullable String getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(@Nullable String createdAt) {
		this.createdAt = createdAt;
	}

}
