package dev.apiorm.exception;

/**
 * More than one record matched a lookup that needs exactly one.
 */
public class MultipleObjectsReturnedException extends ApiException {

	private final Class<?> modelType;

	public MultipleObjectsReturnedException(Class<?> modelType, String message) {
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
