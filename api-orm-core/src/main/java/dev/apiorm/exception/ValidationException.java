package dev.apiorm.exception;

import java.util.List;
import java.util.Map;

/**
 * Client-side bean validation failed; nothing was sent.
 */
public class ValidationException extends ApiException {

	private final Map<String, List<String>> fieldErrors;

	public ValidationException(String message, Map<String, List<String>> fieldErrors) {
		super(message);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/**
	 * The violated constraints' messages by property path.
	 * @return the field errors
	 */
	public Map<String, List<String>> fieldErrors() {
		return this.fieldErrors;
	}

}
