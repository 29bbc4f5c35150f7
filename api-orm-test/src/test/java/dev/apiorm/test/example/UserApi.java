package dev.apiorm.test.example;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import dev.apiorm.ApiRepository;

/**
 * The README's complete example: the users' repository.
 */
public interface UserApi extends ApiRepository<User> {

	Optional<User> findByEmail(String email);

	List<User> findByActiveTrueOrderByNameDesc();

	List<User> findByAgeGreaterThanEqualAndRoleIn(int age, Collection<String> roles);

	long countByRole(String role);

	boolean existsByEmail(String email);

	Stream<User> streamByActive(boolean active);

	Page<User> findByActive(boolean active, Pageable pageable);

}
