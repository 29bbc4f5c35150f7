package dev.apiorm.core.mapping;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.context.AbstractMappingContext;
import org.springframework.data.mapping.model.BasicPersistentEntity;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

import dev.apiorm.ApiModel;

/**
 * The Spring Data mapping context of api-orm models: it gives each {@link ApiModel} a
 * persistent entity whose property accessors are generated classes, so reading and
 * writing ids costs no reflection per call.
 */
public class ApiMappingContext
		extends AbstractMappingContext<BasicPersistentEntity<?, ApiPersistentProperty>, ApiPersistentProperty> {

	@Override
	protected <T> BasicPersistentEntity<?, ApiPersistentProperty> createPersistentEntity(
			TypeInformation<T> typeInformation) {
		return new BasicPersistentEntity<>(typeInformation);
	}

	@Override
	protected ApiPersistentProperty createPersistentProperty(Property property,
			BasicPersistentEntity<?, ApiPersistentProperty> owner, SimpleTypeHolder simpleTypeHolder) {
		return new ApiPersistentProperty(property, owner, simpleTypeHolder);
	}

	@Override
	protected boolean shouldCreatePersistentEntityFor(TypeInformation<?> type) {
		return type.getType().isAnnotationPresent(ApiModel.class);
	}

}
