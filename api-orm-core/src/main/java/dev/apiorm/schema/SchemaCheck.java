package dev.apiorm.schema;

import java.math.BigDecimal;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiPersistentProperty;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * Checks one client's models, derived queries and filters against the API's OpenAPI
 * document: at start-up every model's endpoint must exist, its fields must exist with a
 * compatible JSON type, and every parameter a derived query sends must be declared (the
 * problems are collected, to be reported together); at run time a filter on a parameter
 * the document does not declare fails before anything is sent.
 */
public final class SchemaCheck {

	private final ApiSchema schema;

	private final String basePath;

	private final List<String> problems = new CopyOnWriteArrayList<>();

	/**
	 * A check against a document.
	 * @param schema the document
	 * @param baseUrl the client's base URL, whose path may prefix the document's paths
	 */
	public SchemaCheck(ApiSchema schema, URI baseUrl) {
		this.schema = schema;
		String path = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * Records the problems of a model: an endpoint the document does not list, fields it
	 * does not describe, or describes with a type the property cannot hold.
	 * @param entity the model
	 */
	public void checkModel(ApiPersistentEntity<?> entity) {
		String path = path(entity);
		if (path == null) {
			this.problems.add(entity.getModelName() + ": the endpoint " + entity.getEndpoint()
					+ " has no GET in the API's OpenAPI document");
			return;
		}
		Map<String, String> fields = this.schema.fieldsOf(path);
		if (fields == null) {
			return;
		}
		entity.doWithProperties((ApiPersistentProperty property) -> {
			String name = property.getWireName();
			String type = fields.get(name);
			if (type == null) {
				this.problems.add(entity.getModelName() + "." + property.getName() + ": the API's records at " + path
						+ " have no field '" + name + "'");
			}
			else if (!type.isEmpty() && !fits(type, property.getType())) {
				this.problems.add(entity.getModelName() + "." + property.getName() + ": the API's field '" + name
						+ "' is " + type + ", which " + property.getType().getSimpleName() + " cannot hold");
			}
		});
	}

	/**
	 * Records the parameters of a derived query the document does not declare.
	 * @param entity the model
	 * @param method the repository method, for the message
	 * @param parameters the names of the parameters it sends
	 */
	public void checkQuery(ApiPersistentEntity<?> entity, String method, Collection<String> parameters) {
		String path = path(entity);
		Set<String> declared = (path != null) ? this.schema.parametersOf(path) : null;
		if (declared == null) {
			return;
		}
		for (String parameter : parameters) {
			if (!declared.contains(parameter)) {
				this.problems.add(entity.getModelName() + ": " + method + " sends the parameter '" + parameter
						+ "', which GET " + path + " does not declare");
			}
		}
	}

	/**
	 * Refuses a filter the document does not declare, before anything is sent.
	 * @param entity the model
	 * @param parameters the names of the parameters the query sends
	 * @throws UnsupportedQueryException naming the first undeclared parameter
	 */
	public void checkFilter(ApiPersistentEntity<?> entity, Collection<String> parameters) {
		String path = path(entity);
		Set<String> declared = (path != null) ? this.schema.parametersOf(path) : null;
		if (declared == null) {
			return;
		}
		for (String parameter : parameters) {
			if (!declared.contains(parameter)) {
				throw new UnsupportedQueryException(entity.getModelName() + " list: the API's OpenAPI document declares"
						+ " no parameter '" + parameter + "' for GET " + path
						+ ", so the API would ignore it (declared: " + declared + ")");
			}
		}
	}

	/**
	 * The names of the parameters a query sends for its condition and ordering, paging
	 * aside.
	 * @param dialect the dialect that writes them
	 * @param filter the condition, {@code null} for none
	 * @param ordering the ordering
	 * @return the names
	 */
	public static List<String> parameterNames(Dialect dialect, @Nullable Q filter, List<String> ordering) {
		List<String> names = new ArrayList<>();
		if (filter instanceof Q.And and) {
			and.conditions().forEach((condition) -> names.add(dialect.parameterName(condition)));
		}
		else if (filter != null) {
			names.add(dialect.parameterName(filter));
		}
		if (!ordering.isEmpty()) {
			names.add("ordering");
		}
		return names;
	}

	/**
	 * The problems found so far, in the order found.
	 * @return the problems
	 */
	public List<String> problems() {
		return Collections.unmodifiableList(new ArrayList<>(this.problems));
	}

	private @Nullable String path(ApiPersistentEntity<?> entity) {
		String endpoint = entity.getEndpoint();
		for (String candidate : List.of(endpoint, this.basePath + endpoint)) {
			if (this.schema.parametersOf(candidate) != null) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Whether a Java type can hold a JSON value of an OpenAPI type.
	 */
	static boolean fits(String type, Class<?> javaType) {
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(javaType);
		return switch (type) {
			// Text holds any scalar, as the JSON mapper coerces it.
			case "integer" -> Number.class.isAssignableFrom(boxed) || boxed == String.class;
			case "number" ->
				boxed == Double.class || boxed == Float.class || boxed == BigDecimal.class || boxed == String.class;
			case "boolean" -> boxed == Boolean.class || boxed == String.class;
			case "string" -> CharSequence.class.isAssignableFrom(boxed) || boxed.isEnum() || boxed == UUID.class
					|| Temporal.class.isAssignableFrom(boxed) || boxed == Date.class || boxed == Character.class
					|| boxed == URI.class;
			case "array" -> Collection.class.isAssignableFrom(boxed) || boxed.isArray();
			case "object" -> !ClassUtils.isSimpleValueType(boxed) && !Collection.class.isAssignableFrom(boxed);
			default -> true;
		};
	}

}
