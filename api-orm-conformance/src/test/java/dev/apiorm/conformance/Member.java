package dev.apiorm.conformance;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.apiorm.ApiModel;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * The DRF server's user, as the seed's documentation declares it.
 */
@ApiModel(endpoint = "/api/v1/users/")
public class Member {

	private Long id;

	@NotBlank
	private String name;

	@Email
	private String email;

	private Boolean active;

	private String role;

	private Integer age;

	@JsonProperty("created_at")
	private OffsetDateTime createdAt;

	public Member() {
	}

	public Member(String name, String email, String role, Integer age) {
		this.name = name;
		this.email = email;
		this.role = role;
		this.age = age;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Boolean getActive() {
		return this.active;
	}

	public void setActive(Boolean active) {
		this.active = active;
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public Integer getAge() {
		return this.age;
	}

	public void setAge(Integer age) {
		this.age = age;
	}

	public OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(OffsetDateTime createdAt) {
		this.createdAt = createdAt;
	}

}
