package dev.apiorm.repository.support;

import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.core.EntityInformation;

import dev.apiorm.core.mapping.ModelMetadata;

/**
 * Spring Data's view of a model: a record is new while its id is {@code null}.
 *
 * @param <T> the model type
 */
public class ApiEntityInformation<T> implements EntityInformation<T, Object> {

	private final ModelMetadata<T> model;

	public ApiEntityInformation(ModelMetadata<T> model) {
		this.model = model;
	}

	@Override
	public boolean isNew(T entity) {
		return this.model.idOf(entity) == null;
	}

	@Override
	public @Nullable Object getId(T entity) {
		return this.model.idOf(entity);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Class<Object> getIdType() {
		return (Class<Object>) this.model.idType();
	}

	@Override
	public Class<T> getJavaType() {
		return this.model.type();
	}

}
