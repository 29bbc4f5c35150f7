package dev.apiorm.dialect.odata;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.ErrorJson;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageFields;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.QueryParameter;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.LookupOperator;

/**
 * The dialect of OData v4 services, the one convention that expresses OR and NOT.
 * <ul>
 * <li>{@code $filter} with {@code eq ne gt ge lt le and or not contains startswith
 * endswith in}, {@code tolower} for the case-insensitive lookups, {@code eq null} for
 * {@code isnull}, and {@code author/name} for a lookup across a relation; strings in
 * single quotes (a quote doubled), dates and numbers as literals;</li>
 * <li>{@code $orderby=published desc,title}; {@code $top}/{@code $skip} with
 * {@code $count=true}, the total from {@code @odata.count}, the next page (also
 * server-driven, {@code $skiptoken}) from {@code @odata.nextLink}; the records in
 * {@code value};</li>
 * <li>records addressed by key, {@code /Books(7)} or {@code /Books('a''b')};</li>
 * <li>error bodies {@code {"error": {"message", "target", "details"}}}, each
 * {@code target} naming a field.</li>
 * </ul>
 * Spaces are sent as {@code %20}, never {@code +}.
 */
public class ODataDialect implements Dialect {

	/** The name of this dialect in {@code api-orm.dialect}. */
	public static final String NAME = "odata";

	private static final QueryParameter TOP = new QueryParameter("$top");

	private static final QueryParameter SKIP = new QueryParameter("$skip");

	private final JsonMapper mapper;

	/**
	 * The dialect.
	 * @param mapper reads error bodies
	 */
	public ODataDialect(JsonMapper mapper) {
		Assert.notNull(mapper, "mapper must not be null");
		this.mapper = mapper;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String queryParameters(@Nullable Q filter, List<String> ordering) {
		StringJoiner parameters = new StringJoiner("&");
		if (filter != null) {
			parameters.add("$filter=" + QueryValues.encode(expression(filter, false)));
		}
		if (!ordering.isEmpty()) {
			StringJoiner fields = new StringJoiner(",");
			for (String field : ordering) {
				boolean descending = field.startsWith("-");
				fields.add(QueryValues
					.encode(path(descending ? field.substring(1) : field) + (descending ? " desc" : "")));
			}
			parameters.add("$orderby=" + fields);
		}
		return parameters.toString();
	}

	@Override
	public String parameterName(Q condition) {
		return "$filter";
	}

	/**
	 * A condition as an OData expression.
	 * @param nested whether it is an operand of and/or, which then needs parentheses
	 */
	private String expression(Q condition, boolean nested) {
		if (condition instanceof Q.And and) {
			return join(and.conditions(), " and ", nested);
		}
		if (condition instanceof Q.Or or) {
			return join(or.conditions(), " or ", nested);
		}
		if (condition instanceof Q.Not not) {
			return "not (" + expression(not.condition(), false) + ")";
		}
		return lookup((Q.Lookup) condition);
	}

	private String join(List<Q> conditions, String operator, boolean nested) {
		StringJoiner joined = new StringJoiner(operator, nested ? "(" : "", nested ? ")" : "");
		conditions.forEach((condition) -> joined.add(expression(condition, true)));
		return joined.toString();
	}

	private String lookup(Q.Lookup lookup) {
		String text = lookup.lookup();
		int split = text.lastIndexOf("__");
		LookupOperator operator = (split > 0) ? LookupOperator.ofSuffix(text.substring(split + 2)) : null;
		String field = path((operator != null) ? text.substring(0, split) : text);
		if (operator == null) {
			operator = LookupOperator.EXACT;
		}
		Object value = lookup.value();
		if (value == null && operator != LookupOperator.EXACT && operator != LookupOperator.ISNULL) {
			throw new UnsupportedQueryException("The 'odata' dialect cannot express '" + text
					+ "' with null: only exact and isnull compare with null");
		}
		return switch (operator) {
			case EXACT -> field + " eq " + literal(value);
			case IEXACT -> "tolower(" + field + ") eq " + literal(lower(value));
			case CONTAINS -> "contains(" + field + "," + literal(value) + ")";
			case ICONTAINS -> "contains(tolower(" + field + ")," + literal(lower(value)) + ")";
			case STARTSWITH -> "startswith(" + field + "," + literal(value) + ")";
			case ISTARTSWITH -> "startswith(tolower(" + field + ")," + literal(lower(value)) + ")";
			case ENDSWITH -> "endswith(" + field + "," + literal(value) + ")";
			case IENDSWITH -> "endswith(tolower(" + field + ")," + literal(lower(value)) + ")";
			case GT -> field + " gt " + literal(value);
			case GTE -> field + " ge " + literal(value);
			case LT -> field + " lt " + literal(value);
			case LTE -> field + " le " + literal(value);
			case IN -> {
				List<?> values = QueryValues.elements(Objects.requireNonNull(value));
				if (values.isEmpty()) {
					throw new UnsupportedQueryException("The 'odata' dialect cannot express '" + text
							+ "' with an empty list: OData's in needs at least one value");
				}
				StringJoiner list = new StringJoiner(",", "(", ")");
				values.forEach((each) -> list.add(literal(each)));
				yield field + " in " + list;
			}
			case RANGE -> {
				List<?> bounds = QueryValues.elements(Objects.requireNonNull(value));
				if (bounds.size() != 2) {
					throw new UnsupportedQueryException(
							"The 'odata' dialect cannot express '" + text + "': a range has two bounds");
				}
				yield "(" + field + " ge " + literal(bounds.get(0)) + " and " + field + " le " + literal(bounds.get(1))
						+ ")";
			}
			case ISNULL -> field + (Boolean.TRUE.equals(value) ? " eq null" : " ne null");
		};
	}

	/** A Django path ({@code author__name}) as an OData property path. */
	private static String path(String field) {
		return field.replace("__", "/");
	}

	private static @Nullable Object lower(@Nullable Object value) {
		return (value != null) ? QueryValues.format(value).toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * An OData literal: {@code null}, booleans and numbers as they are, dates and times
	 * in ISO-8601 without quotes, anything else a string in single quotes.
	 */
	private static String literal(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Boolean || value instanceof Number || value instanceof TemporalAccessor) {
			return QueryValues.format(value);
		}
		return "'" + QueryValues.format(value).replace("'", "''") + "'";
	}

	@Override
	public PageStart pageParameters(Pagination pagination, long offset, int size) {
		Assert.isTrue(size > 0, "size must be positive");
		if (pagination == Pagination.NONE) {
			return new PageStart("$count=true", (int) Math.min(offset, Integer.MAX_VALUE));
		}
		if (pagination == Pagination.CURSOR) {
			// The first page, then its server-driven next links.
			return new PageStart("$top=" + size + "&$count=true", (int) Math.min(offset, Integer.MAX_VALUE));
		}
		return new PageStart("$top=" + size + ((offset > 0) ? "&$skip=" + offset : "") + "&$count=true", 0);
	}

	@Override
	public String recordPath(String endpoint, Object id) {
		String key = (id instanceof Number) ? id.toString() : "'" + String.valueOf(id).replace("'", "''") + "'";
		String path = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
		return path + "(" + QueryValues.encode(key) + ")";
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new ApiDecodeException("expected an OData collection (an object with 'value')", null);
		}
		List<R> value = null;
		Long count = null;
		String next = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (field) {
				case "value" -> {
					if (token != JsonToken.START_ARRAY) {
						throw new ApiDecodeException("expected 'value' to be an array, got " + token, null);
					}
					value = records.read(parser);
				}
				case "@odata.count", "@count" -> count = PageFields.count(NAME, field, parser);
				case "@odata.nextLink", "@nextLink" -> next = PageFields.link(NAME, field, parser);
				default -> parser.skipChildren();
			}
		}
		if (value == null) {
			throw new ApiDecodeException("expected an OData collection with 'value'", null);
		}
		return new PageResult<>(value, count, next, true);
	}

	/**
	 * The page, with the next one written by the client when the service gave no
	 * {@code @odata.nextLink}: {@code $top} is client-driven paging, which OData answers
	 * without a link.
	 */
	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		PageResult<R> page = readPage(parser, records);
		String url = context.requestUrl();
		Long top = TOP.getLong(url);
		if (page.next() != null || top == null || page.records().size() < top) {
			return page;
		}
		String next = SKIP.following(url, page.records().size(), page.count());
		return (next != null) ? new PageResult<>(page.records(), page.count(), next, true) : page;
	}

	@Override
	public ErrorBody readError(String body) {
		JsonNode root = ErrorJson.parse(this.mapper, body);
		JsonNode error = (root != null) ? root.get("error") : null;
		if (error == null || !error.isObject()) {
			return ErrorBody.EMPTY;
		}
		Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
		String message = ErrorJson.text(error, "message");
		String target = ErrorJson.text(error, "target");
		JsonNode details = error.get("details");
		if (details != null && details.isArray()) {
			for (JsonNode detail : details) {
				String field = ErrorJson.text(detail, "target");
				String text = ErrorJson.text(detail, "message");
				if (field != null && text != null) {
					fieldErrors.computeIfAbsent(field, (key) -> new ArrayList<>()).add(text);
				}
			}
		}
		if (target != null && message != null && fieldErrors.isEmpty()) {
			fieldErrors.put(target, List.of(message));
		}
		return new ErrorBody(message, fieldErrors);
	}

}
