package dev.apiorm.repository.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;

import dev.apiorm.ApiQuery;
import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.core.mapping.ApiPersistentProperty;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.query.LookupOperator;
import dev.apiorm.query.QueryDefinition;

/**
 * The query of a method annotated with {@link ApiQuery}: its lookups, read once at
 * start-up, literals converted to the fields' types and {@code :name} values bound to the
 * method's parameters on each call.
 */
final class AnnotatedMethodQuery implements MethodQuery {

	private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

	private final List<Lookup> lookups = new ArrayList<>();

	private final List<String> ordering;

	private final Class<?> returnType;

	private final ApiPersistentEntity<?> entity;

	private final String description;

	AnnotatedMethodQuery(ApiQuery query, QueryMethod method, ApiPersistentEntity<?> entity, String name) {
		// What the method returns inside its wrapper (Mono<Long>, Optional, a suspend
		// function's value).
		this.returnType = method.getReturnedObjectType();
		this.entity = entity;
		this.description = "@ApiQuery" + Arrays.toString(query.value());
		Map<String, Integer> parameters = bindableParameters(method, name);
		Set<String> unused = new LinkedHashSet<>(parameters.keySet());
		for (String lookup : query.value()) {
			this.lookups.add(Lookup.parse(lookup, entity, parameters, name));
			unused.remove(this.lookups.get(this.lookups.size() - 1).parameterName());
		}
		if (!unused.isEmpty()) {
			throw new ConfigurationException(name + ": no lookup of its @ApiQuery uses the parameters " + unused
					+ " (bind one with field__lookup=:" + unused.iterator().next() + ")");
		}
		this.ordering = Arrays.stream(query.orderBy()).map((field) -> ordering(field, entity, name)).toList();
	}

	private static Map<String, Integer> bindableParameters(QueryMethod method, String name) {
		Map<String, Integer> parameters = new HashMap<>();
		int index = 0;
		for (Parameter parameter : method.getParameters().getBindableParameters()) {
			int position = index++;
			String parameterName = parameter.getName()
				.orElseThrow(() -> new ConfigurationException(name + ": the name of parameter " + position
						+ " is unknown; annotate it with @Param or compile with -parameters"));
			parameters.put(parameterName, position);
		}
		return parameters;
	}

	private static String ordering(String field, ApiPersistentEntity<?> entity, String name) {
		boolean descending = field.startsWith("-");
		String property = descending ? field.substring(1) : field;
		try {
			return (descending ? "-" : "") + entity.getWireName(property);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigurationException(name + ": @ApiQuery orderBy: " + ex.getMessage(), ex);
		}
	}

	@Override
	public QueryDefinition template() {
		return query(null, Sort.unsorted());
	}

	@Override
	public QueryDefinition create(ParametersParameterAccessor accessor) {
		return query(accessor, accessor.getSort());
	}

	private QueryDefinition query(@Nullable ParametersParameterAccessor accessor, Sort sort) {
		Q filter = null;
		for (Lookup lookup : this.lookups) {
			Q condition = Q.of(lookup.key(), lookup.value(accessor));
			filter = (filter != null) ? filter.and(condition) : condition;
		}
		List<String> ordering = new ArrayList<>(this.ordering);
		for (Sort.Order order : sort) {
			String field = this.entity.getWireName(order.getProperty());
			ordering.add(order.isDescending() ? "-" + field : field);
		}
		return new QueryDefinition(filter, ordering, 0, null);
	}

	@Override
	public boolean isCount() {
		return this.returnType == long.class || this.returnType == Long.class || this.returnType == int.class
				|| this.returnType == Integer.class;
	}

	@Override
	public boolean isExists() {
		return this.returnType == boolean.class || this.returnType == Boolean.class;
	}

	@Override
	public @Nullable Integer maxResults() {
		return null;
	}

	@Override
	public String describe() {
		return this.description;
	}

	/**
	 * One lookup of the annotation: its key with the field's API name, and a literal or
	 * the index of the bindable parameter it takes.
	 */
	private record Lookup(String key, @Nullable Object literal, @Nullable String parameterName, int parameter) {

		static Lookup parse(String text, ApiPersistentEntity<?> entity, Map<String, Integer> parameters,
				String method) {
			int equals = text.indexOf('=');
			if (equals <= 0) {
				throw new ConfigurationException(method + ": @ApiQuery lookup '" + text
						+ "' is not field__lookup=value (for example status=published or views__gte=:views)");
			}
			String path = text.substring(0, equals).strip();
			String value = text.substring(equals + 1).strip();
			String[] segments = path.split("__");
			LookupOperator operator = (segments.length > 1) ? LookupOperator.ofSuffix(segments[segments.length - 1])
					: null;
			String key;
			ApiPersistentProperty property;
			try {
				key = entity.getWireName(segments[0]) + path.substring(segments[0].length());
				property = entity.getPersistentProperty(entity.getJavaName(segments[0]));
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException(method + ": @ApiQuery lookup '" + text + "': " + ex.getMessage(), ex);
			}
			if (value.startsWith(":")) {
				Integer index = parameters.get(value.substring(1));
				if (index == null) {
					throw new ConfigurationException(method + ": @ApiQuery lookup '" + text
							+ "' names no parameter of the method (parameters: " + parameters.keySet() + ")");
				}
				return new Lookup(key, null, value.substring(1), index);
			}
			boolean nested = segments.length > ((operator != null) ? 2 : 1);
			Class<?> type = (property != null && !nested) ? property.getActualType() : String.class;
			return new Lookup(key, literal(value, operator, type, method, text), null, -1);
		}

		private static Object literal(String value, @Nullable LookupOperator operator, Class<?> type, String method,
				String text) {
			try {
				if (operator == LookupOperator.ISNULL) {
					return Boolean.parseBoolean(value);
				}
				if (operator == LookupOperator.IN || operator == LookupOperator.RANGE) {
					return Arrays.stream(value.split(",")).map((item) -> convert(item.strip(), type)).toList();
				}
				return (operator != null && operator.isText()) ? value : convert(value, type);
			}
			catch (RuntimeException ex) {
				throw new ConfigurationException(
						method + ": @ApiQuery lookup '" + text + "': '" + value + "' is not a " + type.getSimpleName(),
						ex);
			}
		}

		private static Object convert(String value, Class<?> type) {
			Object converted = CONVERSION.convert(value, type);
			return (converted != null) ? converted : value;
		}

		@Nullable Object value(@Nullable ParametersParameterAccessor accessor) {
			if (this.parameterName == null) {
				return this.literal;
			}
			return (accessor != null) ? accessor.getBindableValue(this.parameter) : ApiQueryCreator.PLACEHOLDER;
		}

	}

}
