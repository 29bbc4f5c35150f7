package dev.apiorm.dialect.jsonserver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.Conditions;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.ErrorJson;
import dev.apiorm.dialect.LinkHeader;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageFields;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.QueryParameter;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.query.LookupOperator;

/**
 * The dialect of json-server 0.17, the stable major version (npm's {@code latest}; 1.x is
 * still a beta whose query syntax changed between betas).
 * <ul>
 * <li>{@code field=value} (exact, case-sensitive; several values as repeated parameters
 * for {@code in}), {@code field_ne=value} for {@code exclude}, {@code field_like=regex}
 * (case-insensitive, values escaped) for {@code iexact}, {@code icontains},
 * {@code istartswith} and {@code iendswith}, {@code field_gte}/{@code field_lte} for
 * {@code gte}, {@code lte} and {@code range} of numbers, dates and local date-times, and
 * for {@code gt}, {@code lt} of whole numbers (json-server compares with JavaScript's
 * {@code <=}, and has no strict bound);</li>
 * <li>{@code _sort=a,b&_order=asc,desc};</li>
 * <li>{@code _start}/{@code _limit} (limit-offset) or {@code _page}/{@code _limit}
 * (1-based page numbers), the total from {@code X-Total-Count}, the next page from the
 * {@code Link} header or, for {@code _start}, written by the client;</li>
 * <li>plain JSON records and writes, error bodies with a {@code message} or
 * {@code error}.</li>
 * </ul>
 * OR, case-sensitive text lookups ({@code _like} ignores case), {@code isnull}, bounds of
 * text or of date-times with offsets, strict bounds of anything but whole numbers and
 * negations other than of one exact value are refused.
 */
public class JsonServerDialect implements Dialect {

	/** The name of this dialect in {@code api-orm.dialect}. */
	public static final String NAME = "json-server";

	private static final QueryParameter START = new QueryParameter("_start");

	/** The characters a JavaScript regular expression gives a meaning. */
	private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.*+?()\\[\\]{}|/-]");

	private final JsonMapper mapper;

	/**
	 * The dialect.
	 * @param mapper reads error bodies
	 */
	public JsonServerDialect(JsonMapper mapper) {
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
		for (Conditions.Lookup lookup : Conditions.conjunction(filter, NAME,
				"json-server combines parameters of different fields with AND")) {
			write(lookup, parameters);
		}
		if (!ordering.isEmpty()) {
			StringJoiner fields = new StringJoiner(",");
			StringJoiner orders = new StringJoiner(",");
			for (String field : ordering) {
				boolean descending = field.startsWith("-");
				fields.add(QueryValues.encode(descending ? field.substring(1) : field));
				orders.add(descending ? "desc" : "asc");
			}
			parameters.add("_sort=" + fields).add("_order=" + orders);
		}
		return parameters.toString();
	}

	@Override
	public String parameterName(Q condition) {
		if (condition instanceof Q.Lookup || condition instanceof Q.Not) {
			StringJoiner written = new StringJoiner("&");
			write(Conditions.conjunction(condition, NAME, "").get(0), written);
			String parameter = written.toString();
			int equals = parameter.indexOf('=');
			return (equals > 0) ? parameter.substring(0, equals) : parameter;
		}
		return condition.toString();
	}

	private void write(Conditions.Lookup lookup, StringJoiner parameters) {
		LookupOperator operator = lookup.requireOperator(NAME);
		String field = QueryValues.encode(lookup.field());
		Object value = lookup.value();
		if (operator == LookupOperator.ISNULL || (value == null && operator == LookupOperator.EXACT)) {
			throw lookup.unsupported(NAME, "json-server cannot compare with null (it has no isnull)");
		}
		if (value == null) {
			throw lookup.unsupported(NAME, "the value is null");
		}
		if (lookup.negated()) {
			if (operator != LookupOperator.EXACT || QueryValues.isMultiple(value)) {
				throw lookup.unsupported(NAME, "json-server negates one exact value only (field_ne=value)");
			}
			parameters.add(field + "_ne=" + encoded(value));
			return;
		}
		switch (operator) {
			case EXACT -> parameters.add(field + "=" + encoded(value));
			case IN -> {
				List<?> values = QueryValues.elements(value);
				if (values.isEmpty()) {
					throw lookup.unsupported(NAME, "an empty list matches nothing, and json-server would match all");
				}
				values.forEach((each) -> parameters.add(field + "=" + encoded(each)));
			}
			case IEXACT -> parameters.add(field + "_like=" + QueryValues.encode("^" + escape(value) + "$"));
			case ICONTAINS -> parameters.add(field + "_like=" + QueryValues.encode(escape(value)));
			case ISTARTSWITH -> parameters.add(field + "_like=" + QueryValues.encode("^" + escape(value)));
			case IENDSWITH -> parameters.add(field + "_like=" + QueryValues.encode(escape(value) + "$"));
			case CONTAINS, STARTSWITH, ENDSWITH -> throw lookup.unsupported(NAME,
					"json-server matches text with _like, which ignores case; use i" + operator.suffix());
			case GTE -> parameters.add(field + "_gte=" + bound(lookup, value));
			case GT -> parameters.add(field + "_gte=" + whole(lookup, value, 1));
			case LTE -> parameters.add(field + "_lte=" + bound(lookup, value));
			case LT -> parameters.add(field + "_lte=" + whole(lookup, value, -1));
			case RANGE -> {
				List<?> bounds = QueryValues.elements(value);
				if (bounds.size() != 2) {
					throw lookup.unsupported(NAME, "a range has two bounds");
				}
				parameters.add(field + "_gte=" + bound(lookup, bounds.get(0)));
				parameters.add(field + "_lte=" + bound(lookup, bounds.get(1)));
			}
			default -> throw lookup.unsupported(NAME, "json-server has no such lookup");
		}
	}

	private static String encoded(Object value) {
		return QueryValues.encode(QueryValues.format(value));
	}

	private static String escape(Object value) {
		return REGEX_SPECIAL.matcher(QueryValues.format(value)).replaceAll("\\\\$0");
	}

	/**
	 * An inclusive bound. json-server 0.17 compares {@code _gte}/{@code _lte} with
	 * JavaScript's {@code <=}: the bound (a string) against a number as a number, against
	 * a string as a string. Numbers are exact, whole or decimal; a date or a local
	 * date-time in ISO form orders as its text does, as the server holds it; other values
	 * (text, whose order is the server's code units, not a collation; date-times with
	 * offsets, whose text does not order as their instants) are refused.
	 */
	private static String bound(Conditions.Lookup lookup, @Nullable Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
			return encoded(value);
		}
		if (value instanceof LocalDate || value instanceof LocalDateTime) {
			return encoded(value);
		}
		return whole(lookup, value, 0);
	}

	/**
	 * A whole number, moved by one for a strict comparison (json-server has no strict
	 * bound).
	 */
	private static String whole(Conditions.Lookup lookup, @Nullable Object value, int shift) {
		BigInteger number;
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			number = BigInteger.valueOf(((Number) value).longValue());
		}
		else if (value instanceof BigInteger big) {
			number = big;
		}
		else {
			throw lookup.unsupported(NAME, "json-server has only inclusive bounds (_gte, _lte), compared as numbers "
					+ "or as text: a strict bound is exact for whole numbers only, and an inclusive one for numbers, "
					+ "dates and local date-times, not " + QueryValues.format(value));
		}
		return number.add(BigInteger.valueOf(shift)).toString();
	}

	@Override
	public PageStart pageParameters(Pagination pagination, long offset, int size) {
		Assert.isTrue(size > 0, "size must be positive");
		return switch (pagination) {
			case LIMIT_OFFSET, CLIENT_DEFAULT -> new PageStart("_start=" + offset + "&_limit=" + size, 0);
			case PAGE_NUMBER ->
				new PageStart("_page=" + (offset / size + 1) + "&_limit=" + size, (int) (offset % size));
			case NONE -> new PageStart("", (int) Math.min(offset, Integer.MAX_VALUE));
			// The first page, then its Link header's next pages.
			case CURSOR -> new PageStart("_page=1&_limit=" + size, (int) Math.min(offset, Integer.MAX_VALUE));
		};
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records) {
		JsonToken first = parser.nextToken();
		if (first != JsonToken.START_ARRAY) {
			throw new ApiDecodeException("expected a JSON array of records, got " + first, null);
		}
		List<R> read = records.read(parser);
		return new PageResult<>(read, (long) read.size(), null, false);
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		PageResult<R> page = readPage(parser, records);
		String total = context.headers().getFirst("X-Total-Count");
		if (total == null) {
			// json-server counts only what it pages: without a count it sent everything.
			return page;
		}
		long count = Objects.requireNonNull(PageFields.count(NAME, "X-Total-Count", total));
		String url = context.requestUrl();
		String next = LinkHeader.find(context.headers().getOrEmpty("Link"), "next");
		if (next == null && START.get(url) != null) {
			// Pages asked for by _start carry no links: the next one starts after this.
			next = START.following(url, page.records().size(), count);
		}
		return new PageResult<>(page.records(), count, next, true);
	}

	@Override
	public ErrorBody readError(String body) {
		// json-server answers some failures with an HTML or text page.
		JsonNode root = ErrorJson.parse(this.mapper, body);
		String message = (root != null) ? ErrorJson.text(root, "message", "error") : null;
		return (message != null) ? new ErrorBody(message, Map.of()) : ErrorBody.EMPTY;
	}

}
