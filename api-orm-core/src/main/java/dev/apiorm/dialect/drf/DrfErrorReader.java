package dev.apiorm.dialect.drf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.ErrorJson;

/**
 * Reads DRF error bodies: {@code {"detail": "..."}}, {@code {"field": ["message"]}},
 * {@code non_field_errors}, nested serializer errors (as {@code parent.child}) and bare
 * lists of messages.
 */
class DrfErrorReader {

	private static final String NON_FIELD_ERRORS = "non_field_errors";

	private final JsonMapper mapper;

	DrfErrorReader(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ErrorBody read(String body) {
		JsonNode root = ErrorJson.parse(this.mapper, body);
		if (root == null) {
			return ErrorBody.EMPTY;
		}
		Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
		if (root.isArray()) {
			fieldErrors.put(NON_FIELD_ERRORS, messages(root));
			return new ErrorBody(null, fieldErrors);
		}
		if (!root.isObject()) {
			return root.isString() ? new ErrorBody(root.asString(), Map.of()) : ErrorBody.EMPTY;
		}
		String detail = null;
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			if (field.getKey().equals("detail") && field.getValue().isString()) {
				detail = field.getValue().asString();
			}
			else {
				collect(field.getKey(), field.getValue(), fieldErrors);
			}
		}
		return new ErrorBody(detail, fieldErrors);
	}

	private void collect(String path, JsonNode node, Map<String, List<String>> fieldErrors) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> child : node.properties()) {
				collect(path + "." + child.getKey(), child.getValue(), fieldErrors);
			}
		}
		else {
			fieldErrors.put(path, messages(node));
		}
	}

	private List<String> messages(JsonNode node) {
		List<String> messages = new ArrayList<>();
		if (node.isArray()) {
			for (JsonNode element : node) {
				messages.add(element.isValueNode() ? element.asString() : element.toString());
			}
		}
		else {
			messages.add(node.isValueNode() ? node.asString() : node.toString());
		}
		return messages;
	}

}
