package dev.apiorm.repository.support;

import org.springframework.data.repository.core.support.PersistentEntityInformation;

import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * Spring Data's view of a model, from its {@link ApiPersistentEntity}: an instance is new
 * while its id is {@code null} (or {@code 0} for a primitive id), as Spring Data's
 * persistent-entity strategy decides.
 *
 * @param <T> the model type
 */
public class ApiEntityInformation<T> extends PersistentEntityInformation<T, Object> {

	private final ApiPersistentEntity<T> entity;

	/**
	 * The information of an entity.
	 * @param entity the entity
	 */
	public ApiEntityInformation(ApiPersistentEntity<T> entity) {
		super(entity);
		this.entity = entity;
	}

	/**
	 * The entity this information comes from.
	 * @return the entity
	 */
	public ApiPersistentEntity<T> getPersistentEntity() {
		return this.entity;
	}

}
