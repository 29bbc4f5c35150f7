package dev.apiorm.autoconfigure.app;

import java.util.List;

import dev.apiorm.ApiRepository;

/**
 * A second declared repository of {@link Person}, as an application with one interface
 * per use case has.
 */
public interface PersonQueries extends ApiRepository<Person> {

	List<Person> findByRole(String role);

}
