package dev.apiorm.dialect;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON error bodies leniently, for dialects' {@link Dialect#readError}: a body that
 * is not JSON (a proxy's HTML page, a server's text) says nothing, it does not fail the
 * translation of the error.
 */
public final class ErrorJson {

	private ErrorJson() {
	}

	/**
	 * The JSON tree of an error body.
	 * @param mapper the mapper to read it with
	 * @param body the body
	 * @return the tree, {@code null} when the body is empty or not JSON
	 */
	public static @Nullable JsonNode parse(JsonMapper mapper, String body) {
		try {
			JsonNode root = mapper.readTree(body);
			return (root == null || root.isMissingNode()) ? null : root;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The first of some properties of an object that holds text.
	 * @param node the object
	 * @param names the properties, in order of preference
	 * @return the text, {@code null} when none of them holds text that is not blank
	 */
	public static @Nullable String text(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.get(name);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

}
