package dev.apiorm.demo;

import java.util.List;
import java.util.Optional;

import dev.apiorm.ApiRepository;

/**
 * The blocking repository of users, with derived queries.
 */
public interface UserApi extends ApiRepository<User> {

	Optional<User> findByEmail(String email);

	List<User> findByActiveTrueOrderByNameDesc();

	long countByRole(String role);

}
