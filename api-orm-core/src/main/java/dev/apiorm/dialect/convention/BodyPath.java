package dev.apiorm.dialect.convention;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.apiorm.exception.ConfigurationException;

/**
 * A path into a JSON body, compiled once: property names separated by dots
 * ({@code page.totalElements}), an index into an array ({@code 0}), or {@code *} for the
 * one property an object holds ({@code _embedded.*}, whose name is the collection's). The
 * empty path is the body itself.
 */
final class BodyPath {

	private final String text;

	private final List<String> segments;

	private BodyPath(String text, List<String> segments) {
		this.text = text;
		this.segments = segments;
	}

	/**
	 * Compiles a path.
	 * @param text the path, {@code null} or empty for the body itself
	 * @param property the property it was set by, for the message
	 * @return the path
	 * @throws ConfigurationException naming the property when a segment is empty
	 */
	static BodyPath of(@Nullable String text, String property) {
		if (text == null || text.isBlank() || text.equals(".")) {
			return new BodyPath("", List.of());
		}
		List<String> segments = List.of(text.trim().split("\\.", -1));
		if (segments.stream().anyMatch(String::isEmpty)) {
			throw new ConfigurationException("Invalid value '" + text + "' for " + property
					+ ": must be property names separated by dots, such as page.totalElements");
		}
		return new BodyPath(text.trim(), segments);
	}

	/**
	 * Whether this is the body itself.
	 * @return {@code true} for the empty path
	 */
	boolean isBody() {
		return this.segments.isEmpty();
	}

	/**
	 * The node at this path.
	 * @param body the body
	 * @return the node, {@code null} when the body has nothing there (or a JSON null)
	 */
	@Nullable JsonNode find(JsonNode body) {
		JsonNode node = body;
		for (String segment : this.segments) {
			node = step(node, segment);
			if (node == null || node.isNull() || node.isMissingNode()) {
				return null;
			}
		}
		return node;
	}

	private static @Nullable JsonNode step(JsonNode node, String segment) {
		if (node.isArray()) {
			return segment.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(segment)) : null;
		}
		if (!node.isObject()) {
			return null;
		}
		if (segment.equals("*")) {
			return (node.size() == 1) ? node.values().iterator().next() : null;
		}
		return node.get(segment);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
