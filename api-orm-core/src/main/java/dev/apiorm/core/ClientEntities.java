package dev.apiorm.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;

/**
 * The entities one client has served, so that a call costs one map lookup, not the
 * mapping context's checks, type cache and lock; a model another client serves is
 * refused.
 */
final class ClientEntities {

	private final ApiMappingContext mappingContext;

	private final String clientName;

	private final Map<Class<?>, ApiPersistentEntity<?>> entities = new ConcurrentHashMap<>();

	ClientEntities(ApiMappingContext mappingContext, String clientName) {
		this.mappingContext = mappingContext;
		this.clientName = clientName;
	}

	/**
	 * The entity of a model.
	 * @throws ConfigurationException when the model is invalid or another client serves
	 * it
	 */
	@SuppressWarnings("unchecked")
	<T> ApiPersistentEntity<T> of(Class<T> type) {
		ApiPersistentEntity<?> known = this.entities.get(type);
		if (known != null) {
			return (ApiPersistentEntity<T>) known;
		}
		ApiPersistentEntity<T> entity = this.mappingContext.getRequiredEntity(type);
		if (!entity.getClientName().equals(this.clientName)) {
			throw new ConfigurationException(type.getName() + " is served by the client '" + entity.getClientName()
					+ "', not by '" + this.clientName + "'");
		}
		this.entities.put(type, entity);
		return entity;
	}

	/**
	 * Whether this client serves a model.
	 * @throws ConfigurationException when the model is invalid
	 */
	boolean serves(Class<?> type) {
		return this.entities.containsKey(type)
				|| this.mappingContext.getRequiredEntity(type).getClientName().equals(this.clientName);
	}

	/**
	 * The entity of an instance's model (its user class, behind a proxy).
	 */
	@SuppressWarnings("unchecked")
	<T> ApiPersistentEntity<T> ofInstance(T object) {
		Assert.notNull(object, "object must not be null");
		ApiPersistentEntity<?> known = this.entities.get(object.getClass());
		return (known != null) ? (ApiPersistentEntity<T>) known : of((Class<T>) ClassUtils.getUserClass(object));
	}

}
