package dev.apiorm.dialect.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.ErrorJson;

/**
 * Reads the error bodies of Spring servers: RFC 9457 problem details ({@code detail},
 * {@code title}), Boot's error attributes ({@code message}, {@code error}, binding
 * {@code errors} with {@code field} and {@code defaultMessage}) and Spring Data REST's
 * validation errors ({@code errors[].property}, {@code message}).
 */
final class SpringErrorReader {

	private final JsonMapper mapper;

	SpringErrorReader(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ErrorBody read(String body) {
		JsonNode root = ErrorJson.parse(this.mapper, body);
		if (root == null || !root.isObject()) {
			return ErrorBody.EMPTY;
		}
		Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
		JsonNode errors = root.get("errors");
		if (errors != null && errors.isArray()) {
			for (JsonNode error : errors) {
				String field = ErrorJson.text(error, "property", "field");
				String message = ErrorJson.text(error, "message", "defaultMessage");
				if (field != null && message != null) {
					fieldErrors.computeIfAbsent(field, (key) -> new ArrayList<>()).add(message);
				}
			}
		}
		String message = ErrorJson.text(root, "detail", "message", "title", "error");
		if (message == null && fieldErrors.isEmpty()) {
			return ErrorBody.EMPTY;
		}
		return new ErrorBody(message, fieldErrors);
	}

}
