package dev.apiorm.repository.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.core.PropertyPath;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParameterAccessor;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.QueryDefinition;

/**
 * Creates a {@link QueryDefinition} from a derived method's {@link PartTree}: each
 * {@link Part.Type} becomes a Django lookup on the property's API name
 * ({@code GREATER_THAN_EQUAL} to {@code gte}, {@code CONTAINING} with ignore-case to
 * {@code icontains}, ...).
 */
class ApiQueryCreator extends AbstractQueryCreator<QueryDefinition, Q> {

	private static final Set<Part.Type> CASE_INSENSITIVE = EnumSet.of(Part.Type.SIMPLE_PROPERTY,
			Part.Type.NEGATING_SIMPLE_PROPERTY, Part.Type.CONTAINING, Part.Type.NOT_CONTAINING, Part.Type.STARTING_WITH,
			Part.Type.ENDING_WITH, Part.Type.REGEX);

	/** Stands in for arguments when a method is checked at start-up. */
	static final Object PLACEHOLDER = "?";

	private final ApiPersistentEntity<?> entity;

	private final String methodName;

	ApiQueryCreator(PartTree tree, ParameterAccessor parameters, ApiPersistentEntity<?> entity, String methodName) {
		super(tree, parameters);
		this.entity = entity;
		this.methodName = methodName;
	}

	ApiQueryCreator(PartTree tree, ApiPersistentEntity<?> entity, String methodName) {
		super(tree);
		this.entity = entity;
		this.methodName = methodName;
	}

	@Override
	protected Q create(Part part, Iterator<Object> arguments) {
		String field = wireName(part.getProperty());
		boolean ignoreCase = ignoreCase(part);
		return switch (part.getType()) {
			case SIMPLE_PROPERTY -> Q.of(field + (ignoreCase ? "__iexact" : ""), next(arguments));
			case NEGATING_SIMPLE_PROPERTY -> Q.of(field + (ignoreCase ? "__iexact" : ""), next(arguments)).negate();
			case GREATER_THAN, AFTER -> Q.of(field + "__gt", next(arguments));
			case GREATER_THAN_EQUAL -> Q.of(field + "__gte", next(arguments));
			case LESS_THAN, BEFORE -> Q.of(field + "__lt", next(arguments));
			case LESS_THAN_EQUAL -> Q.of(field + "__lte", next(arguments));
			case BETWEEN -> Q.of(field + "__range", List.of(next(arguments), next(arguments)));
			case IN -> Q.of(field + "__in", collection(next(arguments)));
			case NOT_IN -> Q.of(field + "__in", collection(next(arguments))).negate();
			case CONTAINING -> Q.of(field + (ignoreCase ? "__icontains" : "__contains"), next(arguments));
			case NOT_CONTAINING -> Q.of(field + (ignoreCase ? "__icontains" : "__contains"), next(arguments)).negate();
			case STARTING_WITH -> Q.of(field + (ignoreCase ? "__istartswith" : "__startswith"), next(arguments));
			case ENDING_WITH -> Q.of(field + (ignoreCase ? "__iendswith" : "__endswith"), next(arguments));
			case IS_NULL -> Q.of(field + "__isnull", true);
			case IS_NOT_NULL -> Q.of(field + "__isnull", false);
			case TRUE -> Q.of(field, true);
			case FALSE -> Q.of(field, false);
			case REGEX -> Q.of(field + (ignoreCase ? "__iregex" : "__regex"), next(arguments));
			case LIKE, NOT_LIKE, EXISTS, IS_EMPTY, IS_NOT_EMPTY, NEAR, WITHIN ->
				throw new UnsupportedQueryException(this.methodName + ": '" + part.getType() + "' (" + part
						+ ") has no Django lookup api-orm can send");
		};
	}

	/**
	 * Whether a part compares without case. {@code IgnoreCase} on a part whose lookup has
	 * no case-insensitive form ({@code In}, {@code GreaterThan}, ...) or on a non-text
	 * property is refused rather than silently dropped; {@code AllIgnoreCase} applies
	 * where it can, as in Spring Data's other stores.
	 */
	private boolean ignoreCase(Part part) {
		Part.IgnoreCaseType type = part.shouldIgnoreCase();
		if (type == Part.IgnoreCaseType.NEVER) {
			return false;
		}
		boolean text = CharSequence.class.isAssignableFrom(part.getProperty().getLeafType());
		boolean expressible = text && CASE_INSENSITIVE.contains(part.getType());
		if (!expressible && type == Part.IgnoreCaseType.ALWAYS) {
			throw new UnsupportedQueryException("IgnoreCase cannot be honoured for " + part.getProperty().toDotPath()
					+ " (" + part.getType().name()
					+ (text ? "" : " on " + part.getProperty().getLeafType().getSimpleName())
					+ "): Django lookups compare without case only for exact, contains, startswith, endswith and regex");
		}
		return expressible;
	}

	@Override
	protected Q and(Part part, Q base, Iterator<Object> arguments) {
		return base.and(create(part, arguments));
	}

	@Override
	protected Q or(Q base, Q criteria) {
		return base.or(criteria);
	}

	@Override
	protected QueryDefinition complete(@Nullable Q criteria, Sort sort) {
		List<String> ordering = new ArrayList<>();
		for (Sort.Order order : sort) {
			String field = wireName(PropertyPath.from(order.getProperty(), this.entity.getType()));
			ordering.add(order.isDescending() ? "-" + field : field);
		}
		return new QueryDefinition(criteria, ordering, 0, null);
	}

	/**
	 * The API name of a property path: the model's name for the first segment, Django's
	 * {@code __} traversal for the rest.
	 */
	private String wireName(PropertyPath path) {
		StringBuilder name = new StringBuilder(this.entity.getWireName(path.getSegment()));
		for (PropertyPath next = path.next(); next != null; next = next.next()) {
			name.append("__").append(next.getSegment());
		}
		return name.toString();
	}

	private static Object next(Iterator<Object> arguments) {
		return arguments.hasNext() ? arguments.next() : PLACEHOLDER;
	}

	private static Object collection(Object value) {
		if (value instanceof Collection<?> || value == PLACEHOLDER) {
			return value;
		}
		if (value != null && value.getClass().isArray() && value instanceof Object[] array) {
			return Arrays.asList(array);
		}
		return value;
	}

}
