package dev.apiorm.dialect.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.dialect.ErrorBody;

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
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return ErrorBody.EMPTY;
		}
		if (root == null || !root.isObject()) {
			return ErrorBody.EMPTY;
		}
		Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
		JsonNode errors = root.get("errors");
		if (errors != null && errors.isArray()) {
			for (JsonNode error : errors) {
				String field = text(error, "property", "field");
				String message = text(error, "message", "defaultMessage");
				if (field != null && message != null) {
					fieldErrors.computeIfAbsent(field, (key) -> new ArrayList<>()).add(message);
				}
			}
		}
		String message = text(root, "detail", "message", "title", "error");
		if (message == null && fieldErrors.isEmpty()) {
			return ErrorBody.EMPTY;
		}
		return new ErrorBody(message, fieldErrors);
	}

	private static @Nullable String text(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.get(name);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

}
