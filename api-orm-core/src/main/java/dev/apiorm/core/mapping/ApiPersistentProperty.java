package dev.apiorm.core.mapping;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.model.AnnotationBasedPersistentProperty;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

import dev.apiorm.ApiModel;

/**
 * A property of an api-orm model with the name the API knows it by. The id is the
 * property named by {@link ApiModel#idField()} (or annotated with Spring Data's
 * {@code @Id}); the wire name is resolved once from the Jackson mapping
 * ({@code @JsonProperty}, naming strategies) when the entity is verified.
 */
public class ApiPersistentProperty extends AnnotationBasedPersistentProperty<ApiPersistentProperty> {

	private final boolean id;

	private @Nullable String wireName;

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

	/**
	 * The name of this property in the API's JSON.
	 * @return the wire name; the Java name when Jackson does not write the property
	 */
	public String getWireName() {
		return (this.wireName != null) ? this.wireName : getName();
	}

	void setWireName(String wireName) {
		this.wireName = wireName;
	}

	@Override
	protected Association<ApiPersistentProperty> createAssociation() {
		return new Association<>(this, null);
	}

}
