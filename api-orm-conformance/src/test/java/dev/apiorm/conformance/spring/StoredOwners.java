package dev.apiorm.conformance.spring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

/**
 * The owners of {@link OwnerController}; not exported by Spring Data REST.
 */
@RepositoryRestResource(exported = false)
public interface StoredOwners extends JpaRepository<StoredOwner, Long> {

	/**
	 * The owners whose last name starts with a prefix, as petclinic's
	 * {@code lastName LIKE :lastName%}.
	 * @param prefix the prefix
	 * @return the owners, by id
	 */
	List<StoredOwner> findByLastNameStartingWithOrderById(String prefix);

}
