package dev.apiorm.autoconfigure.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.apiorm.ApiModel;

/**
 * A model with a declared repository.
 */
@ApiModel(endpoint = "/people/")
public class Person {

	private Long id;

	private String name;

	private String role;

	private Integer age;

	@JsonProperty("in_print")
	private boolean inPrint;

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

	public boolean isInPrint() {
		return this.inPrint;
	}

	public void setInPrint(boolean inPrint) {
		this.inPrint = inPrint;
	}

}
