package dev.apiorm.core.mapping;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Reference;
import org.springframework.util.Assert;

/**
 * A relation of a model to another: a property annotated with Spring Data's
 * {@link Reference} whose type (or element type, for a to-many) is an api-orm model. The
 * API writes a to-one as the related record's id (or nests the record), a to-many as a
 * list of ids (or of records).
 *
 * @param property the property
 * @param target the related model
 * @param toMany whether the property holds a collection of related records
 */
public record ApiRelation(ApiPersistentProperty property, Class<?> target, boolean toMany) {

	public ApiRelation {
		Assert.notNull(property, "property must not be null");
		Assert.notNull(target, "target must not be null");
	}

	/**
	 * The Java property name.
	 * @return the name
	 */
	public String name() {
		return this.property.getName();
	}

	/**
	 * The name the API knows the relation by.
	 * @return the wire name
	 */
	public String wireName() {
		return this.property.getWireName();
	}

	/**
	 * The related records an instance holds, as read: whole records or stubs.
	 * @param owner the entity of the instance
	 * @param instance the instance
	 * @param <T> the model type
	 * @return the related value: a record, a collection of records, or {@code null}
	 */
	public <T> @Nullable Object value(ApiPersistentEntity<T> owner, T instance) {
		return owner.getPropertyAccessor(instance).getProperty(this.property);
	}

	/**
	 * Whether a property describes a relation, and which.
	 * @param property the property
	 * @return the relation, {@code null} when the property is none
	 */
	static @Nullable ApiRelation of(ApiPersistentProperty property) {
		if (!property.isAnnotationPresent(Reference.class)) {
			return null;
		}
		boolean toMany = Collection.class.isAssignableFrom(property.getType());
		return new ApiRelation(property, property.getActualType(), toMany);
	}

}
