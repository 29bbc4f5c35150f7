package dev.apiorm.autoconfigure.badquery;

import java.util.List;

import dev.apiorm.ApiRepository;

/**
 * OR cannot be expressed with django-filter parameters.
 */
public interface ThingApi extends ApiRepository<BadQueryPackage.Thing> {

	List<BadQueryPackage.Thing> findByNameOrRole(String name, String role);

}
