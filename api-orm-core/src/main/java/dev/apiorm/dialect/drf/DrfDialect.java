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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageFields;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;

/**
 * The Django REST Framework dialect: django-filter lookups as {@code field__lookup=value}
 * ({@code __in} and {@code __range} comma-joined, {@code __exact} as the bare field),
 * {@code ordering=-a,b}, LimitOffset or PageNumber pagination, and DRF error bodies.
 * <p>
 * Conditions combine with AND only. django-filter has no negation of its own and ignores
 * parameters it does not declare, so {@code exclude()} of a value is refused unless the
 * API declares negated filters ({@code exclude=True}) named with a suffix, given to the
 * constructor ({@code api-orm.drf.negation-suffix}): then a negated exact lookup is
 * written {@code role__n=banned}, the convention of NetBox and other large django-filter
 * APIs. Any other negation and any OR is rejected with an
 * {@link UnsupportedQueryException}.
 */
public class DrfDialect implements Dialect {

	/** The name of this dialect in {@code api-orm.dialect}. */
	public static final String NAME = "drf";

	private static final Set<String> LOOKUPS = Set.of("exact", "iexact", "contains", "icontains", "in", "gt", "gte",
			"lt", "lte", "startswith", "istartswith", "endswith", "iendswith", "range", "isnull", "regex", "iregex",
			"date", "year", "month", "day", "week_day", "hour", "minute", "second", "search", "ne");

	private final @Nullable String negationSuffix;

	private final String property;

	private final DrfErrorReader errorReader;

	/**
	 * The dialect of an API that declares no negated filters: {@code exclude()} of a
	 * value is refused.
	 * @param mapper reads error bodies
	 */
	public DrfDialect(JsonMapper mapper) {
		this(mapper, null);
	}

	/**
	 * The dialect of an API whose negated filters are named with a suffix.
	 * @param mapper reads error bodies
	 * @param negationSuffix the suffix of negated filters ({@code n} for
	 * {@code role__n=banned}), {@code null} when the API declares none
	 */
	public DrfDialect(JsonMapper mapper, @Nullable String negationSuffix) {
		this(mapper, negationSuffix, "api-orm." + NAME);
	}

	/**
	 * The dialect of an API whose negated filters are named with a suffix, as a client's
	 * properties declare it.
	 * @param mapper reads error bodies
	 * @param negationSuffix the suffix of negated filters ({@code n} for
	 * {@code role__n=banned}), {@code null} when the API declares none
	 * @param property the prefix of the properties that declare it, for messages
	 * ({@code api-orm.clients.netbox.drf})
	 */
	public DrfDialect(JsonMapper mapper, @Nullable String negationSuffix, String property) {
		Assert.notNull(mapper, "mapper must not be null");
		if (negationSuffix != null && !negationSuffix.matches("[A-Za-z0-9_]+")) {
			throw new ConfigurationException("Invalid value '" + negationSuffix + "' for " + property
					+ ".negation-suffix: must be a word such as 'n' (for role__n=banned)");
		}
		this.errorReader = new DrfErrorReader(mapper);
		this.negationSuffix = negationSuffix;
		this.property = property;
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
		Parameter parameter = toParameter(condition);
		return QueryValues.encode(parameter.name()) + "=" + parameter.encodedValue();
	}

	@Override
	public String parameterName(Q condition) {
		if (condition instanceof Q.Lookup || condition instanceof Q.Not) {
			return toParameter(condition).name();
		}
		return condition.toString();
	}

	private Parameter toParameter(Q condition) {
		if (condition instanceof Q.Lookup lookup) {
			return lookupParameter(lookup.lookup(), lookup.value(), false);
		}
		if (condition instanceof Q.Not not && not.condition() instanceof Q.Lookup lookup) {
			return lookupParameter(lookup.lookup(), lookup.value(), true);
		}
		throw new UnsupportedQueryException(
				"The 'drf' dialect cannot express " + condition + ": only single lookups can be negated (exclude)");
	}

	private Parameter lookupParameter(String lookup, @Nullable Object value, boolean negated) {
		int split = lookup.lastIndexOf("__");
		String suffix = (split > 0) ? lookup.substring(split + 2) : "";
		boolean known = LOOKUPS.contains(suffix);
		String field = known ? lookup.substring(0, split) : lookup;
		String operator = known ? suffix : "exact";
		if (value == null && operator.equals("exact")) {
			return new Parameter(field + "__isnull", String.valueOf(!negated));
		}
		if (negated) {
			String suffixHint = (this.negationSuffix != null) ? this.negationSuffix : "n";
			if (this.negationSuffix == null) {
				throw new UnsupportedQueryException("The 'drf' dialect cannot exclude '" + lookup
						+ "': django-filter has no negation unless the API declares one, and a parameter it does not "
						+ "declare is silently ignored. If the API declares negated filters (a filter with "
						+ "exclude=True named like " + field + "__" + suffixHint + "), set " + this.property
						+ ".negation-suffix=" + suffixHint + " (ApiOrm.builder().drfNegationSuffix(\"" + suffixHint
						+ "\"))");
			}
			if (!operator.equals("exact")) {
				throw new UnsupportedQueryException("The 'drf' dialect cannot negate the lookup '" + lookup
						+ "': exclude() supports exact lookups only (written as field__" + suffixHint
						+ ", a django-filter filter declared with exclude=True, which compares with one value)");
			}
			if (QueryValues.isMultiple(value)) {
				throw new UnsupportedQueryException("The 'drf' dialect cannot exclude several values of '" + lookup
						+ "': a django-filter filter declared with exclude=True compares with one value");
			}
		}
		String name = negated ? field + "__" + this.negationSuffix
				: operator.equals("exact") ? field : field + "__" + operator;
		return new Parameter(name, encodeValue(value));
	}

	/**
	 * One query parameter: its name as sent, and its value percent-encoded.
	 */
	private record Parameter(String name, String encodedValue) {
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
			// CursorPagination's page_size_query_param is commonly page_size; a server
			// without one ignores it and serves its own size, which is learnt.
			case CURSOR -> new PageStart("page_size=" + size, (int) Math.min(offset, Integer.MAX_VALUE));
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
		String previous = null;
		List<R> records = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (field) {
				case "count" -> count = PageFields.count(NAME, field, parser);
				case "next" -> next = PageFields.link(NAME, field, parser);
				case "previous" -> previous = PageFields.link(NAME, field, parser);
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
		return new PageResult<>(records, count, next, true, previous);
	}

	@Override
	public PageLayout layoutOf(PageResult<?> page, String requestUrl) {
		if (!page.paginated()) {
			return new PageLayout(0L, Pagination.NONE, null);
		}
		int size = page.records().size();
		// DRF builds its links from the request URL: a parameter the server pages by is
		// one whose value the link changes; those it ignores are copied unchanged.
		MultiValueMap<String, String> request = linkParameters(requestUrl);
		String next = page.next();
		if (next != null) {
			MultiValueMap<String, String> link = linkParameters(next);
			Long offset = changed(link, request, "offset") ? number(link, "offset") : null;
			if (offset != null) {
				// LimitOffsetPagination links the next page at offset + limit.
				return new PageLayout(offset - size, Pagination.LIMIT_OFFSET, size);
			}
			Long nextPage = changed(link, request, "page") ? number(link, "page") : null;
			if (nextPage != null) {
				// PageNumberPagination: a page that links a next one is full.
				return new PageLayout((nextPage - 2) * size, Pagination.PAGE_NUMBER, size);
			}
			if (changed(link, request, "cursor")) {
				// CursorPagination: a page asked for without a cursor, with no previous
				// link, is the collection's first; a page that links a next one is full.
				Long start = (request.getFirst("cursor") == null && page.previous() == null) ? 0L : null;
				return new PageLayout(start, Pagination.CURSOR, size);
			}
			return PageLayout.UNKNOWN;
		}
		String previous = page.previous();
		if (previous == null) {
			// No links at all: either the only page, or an envelope without links.
			return PageLayout.UNKNOWN;
		}
		MultiValueMap<String, String> link = linkParameters(previous);
		Pagination style = changed(link, request, "offset") ? Pagination.LIMIT_OFFSET
				: changed(link, request, "page") ? Pagination.PAGE_NUMBER : null;
		Long count = page.count();
		// The last of linked pages holds the tail of the collection.
		Long start = (count != null && size > 0) ? count - size : null;
		Integer pageSize = null;
		if (style == Pagination.PAGE_NUMBER && start != null) {
			// The pages before it are full; DRF links page 1 without a page parameter.
			Long before = number(link, "page");
			long full = (before != null) ? before : 1;
			pageSize = (full > 0 && start % full == 0 && start / full <= Integer.MAX_VALUE) ? (int) (start / full)
					: null;
		}
		return new PageLayout(start, style, pageSize);
	}

	private static boolean changed(MultiValueMap<String, String> link, MultiValueMap<String, String> request,
			String name) {
		return !java.util.Objects.equals(link.getFirst(name), request.getFirst(name));
	}

	private static MultiValueMap<String, String> linkParameters(String link) {
		try {
			return UriComponentsBuilder.fromUriString(link).build().getQueryParams();
		}
		catch (IllegalArgumentException ex) {
			return new LinkedMultiValueMap<>();
		}
	}

	private static @Nullable Long number(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public ErrorBody readError(String body) {
		return this.errorReader.read(body);
	}

}
