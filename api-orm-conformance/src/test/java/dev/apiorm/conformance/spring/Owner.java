package dev.apiorm.conformance.spring;

import dev.apiorm.ApiModel;

/**
 * An owner of spring-petclinic-rest's v1 API, as a user of api-orm declares it.
 */
@ApiModel(endpoint = "/petclinic/api/owners")
public class Owner {

	private Long id;

	private String firstName;

	private String lastName;

	private String city;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

}
