package dev.apiorm.exception;

/**
 * No record matched a lookup that needs exactly one, or a record requested by id is gone
 * (Django's {@code Model.DoesNotExist}).
 */
public class DoesNotExistException extends ApiException {

	private final Class<?> modelType;

	public DoesNotExistException(Class<?> modelType, String message) {
		super(message);
		this.modelType = modelType;
	}

	/**
	 * The model that was looked up.
	 * @return the model type
	 */
	public Class<?> modelType() {
		return this.modelType;
	}

}
