package dev.apiorm.exception;

import java.util.List;
import java.util.Map;

/**
 * 400: the API rejected the request, usually with field errors in DRF's style.
 */
public class BadRequestException extends ApiClientException {

	private final Map<String, List<String>> fieldErrors;

	public BadRequestException(String message, int statusCode, String responseBody, String method, String url,
			Map<String, List<String>> fieldErrors) {
		super(message, statusCode, responseBody, method, url);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/**
	 * The messages per field ({@code non_field_errors} for the record as a whole).
	 * @return the field errors, empty when the body had none
	 */
	public Map<String, List<String>> fieldErrors() {
		return this.fieldErrors;
	}

}
