package dev.apiorm.core.mapping;

import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.model.AnnotationBasedPersistentProperty;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

import dev.apiorm.ApiModel;

/**
 * A property of an api-orm model; the id is the property named by
 * {@link ApiModel#idField()} (or annotated with Spring Data's {@code @Id}).
 */
public class ApiPersistentProperty extends AnnotationBasedPersistentProperty<ApiPersistentProperty> {

	private final boolean id;

	public ApiPersistentProperty(Property property, PersistentEntity<?, ApiPersistentProperty> owner,
			SimpleTypeHolder simpleTypeHolder) {
		super(property, owner, simpleTypeHolder);
		ApiModel model = owner.getType().getAnnotation(ApiModel.class);
		this.id = super.isIdProperty() || (model != null && model.idField().equals(property.getName()));
	}

	@Override
	public boolean isIdProperty() {
		return this.id;
	}

	@Override
	protected Association<ApiPersistentProperty> createAssociation() {
		return new Association<>(this, null);
	}

}
