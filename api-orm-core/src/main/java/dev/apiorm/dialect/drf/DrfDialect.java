package dev.apiorm.dialect.drf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * The Django REST Framework dialect: django-filter lookups as {@code field__lookup=value}
 * ({@code __in} and {@code __range} comma-joined, {@code __exact} as the bare field),
 * {@code ordering=-a,b}, LimitOffset or PageNumber pagination, and DRF error bodies.
 * <p>
 * Conditions combine with AND only. A negated exact lookup is written with a negation
 * suffix ({@code role__n=banned}, the convention of NetBox and other large django-filter
 * APIs: declare such filters with {@code exclude=True}); any other negation and any OR is
 * rejected with an {@link UnsupportedQueryException}.
 */
public class DrfDialect implements Dialect {

	/** The name of this dialect in {@code api-orm.dialect}. */
	public static final String NAME = "drf";

	private static final Set<String> LOOKUPS = Set.of("exact", "iexact", "contains", "icontains", "in", "gt", "gte",
			"lt", "lte", "startswith", "istartswith", "endswith", "iendswith", "range", "isnull", "regex", "iregex",
			"date", "year", "month", "day", "week_day", "hour", "minute", "second", "search", "ne");

	private final String negationSuffix;

	private final DrfErrorReader errorReader;

	public DrfDialect(JsonMapper mapper) {
		this(mapper, "n");
	}

	public DrfDialect(JsonMapper mapper, String negationSuffix) {
		Assert.notNull(mapper, "mapper must not be null");
		Assert.hasText(negationSuffix, "negationSuffix must not be empty");
		this.errorReader = new DrfErrorReader(mapper);
		this.negationSuffix = negationSuffix;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String queryParameters(@Nullable Q filter, List<String> ordering) {
		StringJoiner parameters = new StringJoiner("&");
		if (filter != null) {
			for (Q condition : conjuncts(filter)) {
				parameters.add(parameter(condition));
			}
		}
		if (!ordering.isEmpty()) {
			StringJoiner fields = new StringJoiner(",");
			ordering.forEach((field) -> fields.add(QueryValues.encode(field)));
			parameters.add("ordering=" + fields);
		}
		return parameters.toString();
	}

	private List<Q> conjuncts(Q filter) {
		if (filter instanceof Q.And and) {
			List<Q> flat = new ArrayList<>();
			for (Q condition : and.conditions()) {
				flat.addAll(conjuncts(condition));
			}
			return flat;
		}
		if (filter instanceof Q.Or) {
			throw new UnsupportedQueryException(
					"The 'drf' dialect cannot express OR (" + filter + "): django-filter combines parameters with AND");
		}
		return List.of(filter);
	}

	private String parameter(Q condition) {
		if (condition instanceof Q.Lookup lookup) {
			return lookupParameter(lookup.lookup(), lookup.value(), false);
		}
		if (condition instanceof Q.Not not && not.condition() instanceof Q.Lookup lookup) {
			return lookupParameter(lookup.lookup(), lookup.value(), true);
		}
		throw new UnsupportedQueryException(
				"The 'drf' dialect cannot express " + condition + ": only single lookups can be negated (exclude)");
	}

	private String lookupParameter(String lookup, @Nullable Object value, boolean negated) {
		int split = lookup.lastIndexOf("__");
		String suffix = (split > 0) ? lookup.substring(split + 2) : "";
		boolean known = LOOKUPS.contains(suffix);
		String field = known ? lookup.substring(0, split) : lookup;
		String operator = known ? suffix : "exact";
		if (value == null && operator.equals("exact")) {
			return QueryValues.encode(field + "__isnull") + "=" + !negated;
		}
		if (negated && !operator.equals("exact")) {
			throw new UnsupportedQueryException("The 'drf' dialect cannot negate the lookup '" + lookup
					+ "': exclude() supports exact lookups only (written as field__" + this.negationSuffix
					+ ", a django-filter filter declared with exclude=True, which compares with one value)");
		}
		String name = negated ? field + "__" + this.negationSuffix
				: operator.equals("exact") ? field : field + "__" + operator;
		return QueryValues.encode(name) + "=" + encodeValue(value);
	}

	private String encodeValue(@Nullable Object value) {
		return (value != null && QueryValues.isMultiple(value)) ? QueryValues.encodeJoined(value)
				: QueryValues.encode(QueryValues.format(value));
	}

	@Override
	public PageStart pageParameters(Pagination pagination, long offset, int size) {
		Assert.isTrue(size > 0, "size must be positive");
		return switch (pagination) {
			case LIMIT_OFFSET, CLIENT_DEFAULT ->
				new PageStart("limit=" + size + ((offset > 0) ? "&offset=" + offset : ""), 0);
			case PAGE_NUMBER -> {
				long page = offset / size + 1;
				yield new PageStart(((page > 1) ? "page=" + page + "&" : "") + "page_size=" + size,
						(int) (offset % size));
			}
			case NONE -> new PageStart("", (int) Math.min(offset, Integer.MAX_VALUE));
		};
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> recordsReader) {
		JsonToken first = parser.nextToken();
		if (first == JsonToken.START_ARRAY) {
			List<R> records = recordsReader.read(parser);
			return new PageResult<>(records, (long) records.size(), null, false);
		}
		if (first != JsonToken.START_OBJECT) {
			throw new ApiDecodeException("expected a JSON object with 'results' or a JSON array, got " + first, null);
		}
		Long count = null;
		String next = null;
		List<R> records = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (field) {
				case "count" -> count = (token == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue() : null;
				case "next" -> next = (token == JsonToken.VALUE_STRING) ? parser.getString() : null;
				case "results" -> {
					if (token != JsonToken.START_ARRAY) {
						throw new ApiDecodeException("expected 'results' to be an array, got " + token, null);
					}
					records = recordsReader.read(parser);
				}
				default -> parser.skipChildren();
			}
		}
		if (records == null) {
			throw new ApiDecodeException("expected a page with 'results' (DRF pagination) or a JSON array", null);
		}
		return new PageResult<>(records, count, next, true);
	}

	@Override
	public ErrorBody readError(String body) {
		return this.errorReader.read(body);
	}

}
