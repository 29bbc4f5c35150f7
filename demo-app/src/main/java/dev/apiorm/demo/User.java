package dev.apiorm.demo;

import dev.apiorm.ApiModel;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * A user of the remote API.
 */
@ApiModel(endpoint = "/api/v1/users/")
public class User {

	private @Nullable Long id;

	@NotBlank
	private @Nullable String name;

	@Email
	private @Nullable String email;

	private @Nullable String role;

	private @Nullable Integer age;

	private boolean active = true;

	public User() {
	}

	public User(String name, String email, String role, int age, boolean active) {
		this.name = name;
		this.email = email;
		this.role = role;
		this.age = age;
		this.active = active;
	}

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

	public @Nullable Integer getAge() {
		return this.age;
	}

	public void setAge(@Nullable Integer age) {
		this.age = age;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	@Override
	public String toString() {
		return "User[id=" + this.id + ", name=" + this.name + ", email=" + this.email + ", active=" + this.active + "]";
	}

}
