package dev.apiorm.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ValidationException;

/**
 * Checks records with Jakarta Bean Validation before anything is sent; without a
 * {@link Validator} every record passes.
 */
public final class ModelValidator {

	private static final ModelValidator NONE = new ModelValidator(null);

	private final @Nullable Validator validator;

	private ModelValidator(@Nullable Validator validator) {
		this.validator = validator;
	}

	/**
	 * A validator that uses Bean Validation, or none.
	 * @param validator the Bean Validation validator, {@code null} for none
	 * @return the model validator
	 */
	public static ModelValidator of(@Nullable Validator validator) {
		return (validator != null) ? new ModelValidator(validator) : NONE;
	}

	/**
	 * Checks every constraint of a record.
	 * @param model the model
	 * @param object the record
	 * @param <T> the model type
	 * @throws ValidationException when a constraint is violated
	 */
	public <T> void validate(ApiPersistentEntity<T> model, T object) {
		if (this.validator != null) {
			report(model, "", this.validator.validate(object));
		}
	}

	/**
	 * Checks the constraints of some properties of a record.
	 * @param model the model
	 * @param object the record
	 * @param javaNames the Java property names
	 * @param <T> the model type
	 * @throws ValidationException when a constraint is violated
	 */
	public <T> void validateProperties(ApiPersistentEntity<T> model, T object, List<String> javaNames) {
		if (this.validator != null) {
			Set<ConstraintViolation<T>> violations = new java.util.LinkedHashSet<>();
			for (String name : javaNames) {
				violations.addAll(this.validator.validateProperty(object, name));
			}
			report(model, "", violations);
		}
	}

	/**
	 * Checks a record of a bulk operation, naming its index in the message.
	 * @param model the model
	 * @param object the record
	 * @param index the index in the input
	 * @param <T> the model type
	 */
	public <T> void validate(ApiPersistentEntity<T> model, T object, int index) {
		if (this.validator != null) {
			report(model, " (record " + index + ")", this.validator.validate(object));
		}
	}

	private static <T> void report(ApiPersistentEntity<T> model, String where, Set<ConstraintViolation<T>> violations) {
		if (violations.isEmpty()) {
			return;
		}
		Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
		for (ConstraintViolation<T> violation : violations) {
			fieldErrors.computeIfAbsent(violation.getPropertyPath().toString(), (key) -> new ArrayList<>())
				.add(violation.getMessage());
		}
		throw new ValidationException(
				model.getModelName() + " is invalid" + where + "; nothing was sent: " + fieldErrors, fieldErrors);
	}

}
