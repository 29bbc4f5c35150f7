package dev.apiorm.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.util.ClassUtils;

import dev.apiorm.exception.ConfigurationException;

/**
 * An API's OpenAPI 3 document, read once: the query parameters each collection's
 * {@code GET} declares, and the fields (with their JSON types) of the records it returns,
 * whether as a plain array or inside a paging envelope ({@code results}, {@code content},
 * {@code data}, ...). Immutable.
 */
public final class ApiSchema {

	private static final String YAML_MAPPER = "tools.jackson.dataformat.yaml.YAMLMapper";

	private static final Set<String> NEGATIONS = Set.of("n", "not", "ne", "neq", "exclude");

	private final Map<String, Set<String>> parameters;

	private final Map<String, Map<String, String>> fields;

	private final String description;

	private ApiSchema(Map<String, Set<String>> parameters, Map<String, Map<String, String>> fields,
			String description) {
		this.parameters = parameters;
		this.fields = fields;
		this.description = description;
	}

	/**
	 * Reads an OpenAPI 3 document, JSON or (with {@code jackson-dataformat-yaml} on the
	 * class path) YAML.
	 * @param document the document's bytes
	 * @param description where it came from, for messages
	 * @return the schema
	 * @throws ConfigurationException when the document cannot be read or is not OpenAPI 3
	 */
	public static ApiSchema parse(byte[] document, String description) {
		JsonNode root;
		try {
			root = mapperFor(document).readTree(document);
		}
		catch (RuntimeException ex) {
			throw new ConfigurationException(
					"The OpenAPI document " + description + " cannot be read: " + ex.getMessage());
		}
		if (root == null || !root.path("openapi").asString("").startsWith("3")) {
			throw new ConfigurationException("The document " + description + " is not an OpenAPI 3 document");
		}
		Map<String, Set<String>> parameters = new LinkedHashMap<>();
		Map<String, Map<String, String>> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
			JsonNode get = path.getValue().path("get");
			if (get.isMissingNode()) {
				continue;
			}
			Set<String> names = new LinkedHashSet<>();
			addQueryParameters(root, path.getValue().path("parameters"), names);
			addQueryParameters(root, get.path("parameters"), names);
			parameters.put(path.getKey(), Collections.unmodifiableSet(names));
			JsonNode records = recordSchema(root,
					resolve(root, get.path("responses").path("200")).path("content")
						.path("application/json")
						.path("schema"));
			if (records != null) {
				fields.put(path.getKey(), Collections.unmodifiableMap(properties(root, records)));
			}
		}
		return new ApiSchema(parameters, fields, description);
	}

	private static ObjectMapper mapperFor(byte[] document) {
		for (byte b : document) {
			if (!Character.isWhitespace(b)) {
				if (b == '{') {
					return JsonMapper.builder().build();
				}
				break;
			}
		}
		if (!ClassUtils.isPresent(YAML_MAPPER, ApiSchema.class.getClassLoader())) {
			throw new ConfigurationException(
					"The OpenAPI document is YAML: add tools.jackson.dataformat:jackson-dataformat-yaml, or use JSON");
		}
		try {
			Object builder = ClassUtils.forName(YAML_MAPPER, ApiSchema.class.getClassLoader())
				.getMethod("builder")
				.invoke(null);
			return (ObjectMapper) builder.getClass().getMethod("build").invoke(builder);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new ConfigurationException("Cannot create a YAML reader: " + ex.getMessage());
		}
	}

	private static void addQueryParameters(JsonNode root, JsonNode list, Set<String> names) {
		for (JsonNode parameter : list) {
			JsonNode resolved = resolve(root, parameter);
			if ("query".equals(resolved.path("in").asString(""))) {
				names.add(resolved.path("name").asString(""));
			}
		}
	}

	/**
	 * The schema of one record of a list response: the items of an array, or of the one
	 * array property of an envelope.
	 */
	private static @Nullable JsonNode recordSchema(JsonNode root, JsonNode schema) {
		JsonNode resolved = resolve(root, schema);
		if (resolved.isMissingNode()) {
			return null;
		}
		if ("array".equals(resolved.path("type").asString(""))) {
			return resolve(root, resolved.path("items"));
		}
		for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
			JsonNode value = resolve(root, property.getValue());
			if ("array".equals(value.path("type").asString(""))) {
				return resolve(root, value.path("items"));
			}
		}
		return null;
	}

	private static Map<String, String> properties(JsonNode root, JsonNode schema) {
		Map<String, String> types = new LinkedHashMap<>();
		for (JsonNode part : schema.path("allOf")) {
			types.putAll(properties(root, resolve(root, part)));
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			types.put(property.getKey(), resolve(root, property.getValue()).path("type").asString(""));
		}
		return types;
	}

	private static JsonNode resolve(JsonNode root, JsonNode node) {
		JsonNode current = node;
		for (int depth = 0; depth < 16 && current.has("$ref"); depth++) {
			String reference = current.path("$ref").asString("");
			current = reference.startsWith("#") ? root.at(reference.substring(1)) : MissingNode.getInstance();
		}
		return current;
	}

	/**
	 * The query parameters the {@code GET} of a path declares.
	 * @param path the path, as in the document
	 * @return the parameter names, {@code null} when the document has no {@code GET} for
	 * the path
	 */
	public @Nullable Set<String> parametersOf(String path) {
		return this.parameters.get(path);
	}

	/**
	 * The fields of the records a path's {@code GET} returns, with their JSON types
	 * ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array},
	 * {@code object}; empty when the document gives none).
	 * @param path the path, as in the document
	 * @return the fields, {@code null} when the document describes no records there
	 */
	public @Nullable Map<String, String> fieldsOf(String path) {
		return this.fields.get(path);
	}

	/**
	 * The suffix of the negated filters the document declares, django-filter's
	 * {@code exclude=True} filters named like {@code role__n} beside a {@code role}
	 * filter: one of {@code n}, {@code not}, {@code ne}, {@code neq}, {@code exclude}.
	 * @return the suffix, empty when the document declares no negated filter
	 */
	public Optional<String> negationSuffix() {
		for (Set<String> names : this.parameters.values()) {
			for (String name : names) {
				int split = name.lastIndexOf("__");
				if (split > 0 && NEGATIONS.contains(name.substring(split + 2))
						&& names.contains(name.substring(0, split))) {
					return Optional.of(name.substring(split + 2));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The paths with a {@code GET}.
	 * @return the paths
	 */
	public Set<String> paths() {
		return Collections.unmodifiableSet(this.parameters.keySet());
	}

	@Override
	public String toString() {
		return "ApiSchema[" + this.description + "]";
	}

}
