package dev.apiorm.autoconfigure.app;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.apiorm.ApiRepository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * A declared repository with one derived query per supported keyword.
 */
public interface PersonApi extends ApiRepository<Person> {

	Optional<Person> findByName(String name);

	List<Person> findByInPrintTrueOrderByNameDesc();

	List<Person> findByAgeGreaterThanEqualAndRoleIn(int age, Collection<String> roles);

	List<Person> findByAgeGreaterThanAndAgeLessThan(int low, int high);

	List<Person> findByAgeLessThanEqual(int age);

	List<Person> findByAgeBetween(int low, int high);

	List<Person> findByNameContainingIgnoreCase(String part);

	List<Person> findByNameStartingWith(String prefix);

	List<Person> findByNameEndingWith(String suffix);

	List<Person> findByNameIgnoreCase(String name);

	List<Person> findByRoleIsNull();

	List<Person> findByRoleIsNotNull();

	List<Person> findByInPrintFalse();

	List<Person> findTop3ByRoleOrderByAgeDesc(String role);

	Person findFirstByRole(String role);

	long countByRole(String role);

	boolean existsByName(String name);

	Stream<Person> streamByInPrint(boolean inPrint);

	Page<Person> findByRole(String role, Pageable pageable);

}
