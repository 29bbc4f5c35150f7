package dev.apiorm.dialect.convention;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.ErrorJson;
import dev.apiorm.dialect.LinkHeader;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageFields;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.dialect.RecordType;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ConfigurationException;

/**
 * A dialect made from a {@link ConventionDescription} (with its preset laid under it),
 * checked and compiled once, when the client is made: a wrong description fails start-up
 * naming its property, and what the description cannot express is refused per query with
 * an {@code UnsupportedQueryException} naming the convention ({@code 'convention'}, or
 * {@code 'convention:feathers'} with a preset).
 */
public final class ConventionDialect implements Dialect {

	/** The name that chooses it: {@code api-orm.dialect: convention}. */
	public static final String NAME = "convention";

	private static final String HEADER = "header:";

	private final JsonMapper mapper;

	private final String name;

	private final ConventionQuery query;

	private final ConventionPaging paging;

	private final BodyPath records;

	private final @Nullable String totalHeader;

	private final @Nullable BodyPath total;

	private final boolean linkHeader;

	private final @Nullable BodyPath next;

	private final BodyPath record;

	private final @Nullable String recordPath;

	private final HttpMethod saveMethod;

	private final BodyPath errorMessage;

	private final Map<String, String> headers;

	/**
	 * Makes the dialect of a description.
	 * @param mapper the mapper it reads bodies with
	 * @param description the description; its preset, if it names one, is laid under it
	 * @param property the prefix of the properties it was set by
	 * ({@code api-orm.convention}), for messages
	 * @throws ConfigurationException naming the property of a wrong value
	 */
	public ConventionDialect(JsonMapper mapper, ConventionDescription description, String property) {
		Assert.notNull(mapper, "mapper must not be null");
		Assert.notNull(description, "description must not be null");
		this.mapper = mapper;
		String preset = description.preset();
		ConventionDescription resolved = (preset != null && !preset.isBlank())
				? description.over(ConventionPresets.named(preset, property + ".preset")) : description;
		this.name = (preset != null && !preset.isBlank()) ? NAME + ":" + preset.trim().toLowerCase(Locale.ROOT) : NAME;
		this.query = new ConventionQuery(this.name, resolved, property);
		this.paging = new ConventionPaging(resolved.paging(), property + ".paging");
		this.records = BodyPath.of(resolved.records(), property + ".records");
		String total = resolved.total();
		this.totalHeader = (total != null && total.startsWith(HEADER)) ? total.substring(HEADER.length()).trim() : null;
		this.total = (total != null && this.totalHeader == null) ? BodyPath.of(total, property + ".total") : null;
		String next = resolved.next();
		this.linkHeader = next != null && next.trim().equalsIgnoreCase(HEADER + "Link");
		if (next != null && next.startsWith(HEADER) && !this.linkHeader) {
			throw new ConfigurationException("Invalid value '" + next + "' for " + property
					+ ".next: a body path, or header:Link (RFC 8288, rel=\"next\")");
		}
		this.next = (next != null && !this.linkHeader) ? BodyPath.of(next, property + ".next") : null;
		if (this.paging.style() == Pagination.CURSOR && this.next == null && !this.linkHeader) {
			throw new ConfigurationException(property + ".next is not set: cursor paging reads the next page's URL "
					+ "or cursor at a body path (or header:Link)");
		}
		this.record = BodyPath.of(resolved.record(), property + ".record");
		this.recordPath = recordPath(resolved.recordPath(), property + ".record-path");
		this.saveMethod = saveMethod(resolved.saveMethod(), property + ".save-method");
		this.errorMessage = BodyPath.of((resolved.errorMessage() != null) ? resolved.errorMessage() : "message",
				property + ".error-message");
		this.headers = Map.copyOf(resolved.headers());
	}

	private static @Nullable String recordPath(@Nullable String template, String property) {
		if (template == null || template.isBlank()) {
			return null;
		}
		if (!template.contains("{endpoint}") || !template.contains("{id}")) {
			throw new ConfigurationException("Invalid value '" + template + "' for " + property
					+ ": must hold {endpoint} and {id}, such as {endpoint}/{id} or {endpoint}?id=eq.{id}");
		}
		return template.trim();
	}

	private static HttpMethod saveMethod(@Nullable String method, String property) {
		String name = (method != null) ? method.trim().toUpperCase(Locale.ROOT) : "PUT";
		if (!name.equals("PUT") && !name.equals("PATCH")) {
			throw new ConfigurationException(
					"Invalid value '" + method + "' for " + property + ": must be PUT or PATCH");
		}
		return HttpMethod.valueOf(name);
	}

	/**
	 * The pagination a description pages by, its preset's when it sets none.
	 * @param description the description
	 * @param property the prefix of its properties, for messages
	 * @return the pagination
	 * @throws ConfigurationException naming the property of a wrong paging type or preset
	 */
	public static Pagination paginationOf(ConventionDescription description, String property) {
		String preset = description.preset();
		ConventionDescription resolved = (preset != null && !preset.isBlank())
				? description.over(ConventionPresets.named(preset, property + ".preset")) : description;
		return ConventionPaging.style(resolved.paging().type(), property + ".paging.type");
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * The pagination the description pages by, which a client of this dialect starts with
	 * unless its own {@code pagination} is set.
	 * @return the pagination
	 */
	public Pagination pagination() {
		return this.paging.style();
	}

	@Override
	public String queryParameters(@Nullable Q filter, List<String> ordering) {
		return this.query.write(filter, ordering);
	}

	@Override
	public String parameterName(Q condition) {
		return this.query.parameterName(condition);
	}

	@Override
	public PageStart pageParameters(Pagination pagination, long offset, int size) {
		return this.paging.start(pagination, offset, size);
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records) {
		return read(parser, records, null);
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		return read(parser, records, context);
	}

	private <R> PageResult<R> read(JsonParser parser, RecordsReader<R> reader, @Nullable PageContext context) {
		JsonNode body = this.mapper.readTree(parser);
		if (body == null) {
			throw new ApiDecodeException(this.name + ": expected a JSON body", null);
		}
		// An array is the records whatever the path (a plain endpoint of the same API).
		JsonNode found = body.isArray() ? body : this.records.find(body);
		if (!(found instanceof ArrayNode array)) {
			throw new ApiDecodeException(this.name + ": expected the records as an array at '" + this.records
					+ "', found " + ((found != null) ? found.getNodeType() : "nothing"), null);
		}
		List<R> list = reader.read(array, this.mapper);
		Long count = total(body, context);
		boolean headed = this.totalHeader != null && context != null
				&& context.headers().getFirst(this.totalHeader) != null;
		if (body.isArray() && count == null && !headed) {
			// An array without a total is the whole collection, as plain endpoints
			// answer.
			return new PageResult<>(list, (long) list.size(), null, false);
		}
		String url = (context != null) ? context.requestUrl() : null;
		String next = next(body, context, url, list.size(), count);
		return new PageResult<>(list, count, next, true, null,
				(url != null && !body.isArray()) ? this.paging.layout(body, url) : null);
	}

	private @Nullable Long total(JsonNode body, @Nullable PageContext context) {
		if (this.totalHeader != null) {
			String value = (context != null) ? context.headers().getFirst(this.totalHeader) : null;
			if (value == null) {
				return null;
			}
			// Content-Range: 0-24/105, or */105; a total of * is unknown.
			String text = value.substring(value.lastIndexOf('/') + 1).trim();
			return text.equals("*") ? null : PageFields.count(this.name, this.totalHeader, text);
		}
		return (this.total != null) ? PageFields.count(this.name, this.total.toString(), this.total.find(body)) : null;
	}

	private @Nullable String next(JsonNode body, @Nullable PageContext context, @Nullable String url, int delivered,
			@Nullable Long count) {
		if (this.linkHeader) {
			HttpHeaders headers = (context != null) ? context.headers() : HttpHeaders.EMPTY;
			return LinkHeader.find(headers.getOrEmpty(HttpHeaders.LINK), "next");
		}
		if (this.next != null) {
			JsonNode link = body.isArray() ? null : this.next.find(body);
			if (link == null || (link.isString() && link.asString().isEmpty())) {
				return null;
			}
			if (!link.isString()) {
				throw new ApiDecodeException(this.name + ": expected the next page at '" + this.next
						+ "' to be text, got " + link.getNodeType(), null);
			}
			String text = link.asString();
			boolean isUrl = text.startsWith("http://") || text.startsWith("https://") || text.startsWith("/")
					|| text.startsWith("?");
			return (isUrl || url == null) ? text : this.paging.cursor(url, text);
		}
		return (url != null) ? this.paging.written(url, delivered, count) : null;
	}

	@Override
	public String recordPath(String endpoint, Object id) {
		if (this.recordPath == null) {
			return Dialect.super.recordPath(endpoint, id);
		}
		int query = this.recordPath.indexOf('?');
		int at = this.recordPath.indexOf("{id}");
		String text = String.valueOf(id);
		String encoded = (query >= 0 && query < at) ? QueryValues.encode(text)
				: UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
		return this.recordPath.replace("{endpoint}", endpoint).replace("{id}", encoded);
	}

	@Override
	public HttpMethod replaceMethod() {
		return this.saveMethod;
	}

	@Override
	public boolean wrapsRecords() {
		return !this.record.isBody();
	}

	@Override
	public JsonNode unwrapRecord(JsonNode document, RecordType type) {
		JsonNode found = this.record.find(document);
		if (found == null || !found.isObject()) {
			throw new ApiDecodeException(
					"The '" + this.name + "' dialect expected a " + type.typeName() + " record at '" + this.record
							+ "' of the answer, found " + ((found != null) ? found.getNodeType() : "nothing"),
					null);
		}
		return found;
	}

	@Override
	public JsonNode wrapRecord(ObjectNode record, RecordType type, @Nullable Object id) {
		return record;
	}

	@Override
	public Map<String, String> requestHeaders() {
		return this.headers;
	}

	@Override
	public ErrorBody readError(String body) {
		JsonNode root = ErrorJson.parse(this.mapper, body);
		JsonNode message = (root != null) ? this.errorMessage.find(root) : null;
		if (message == null) {
			return ErrorBody.EMPTY;
		}
		if (message.isArray()) {
			StringJoiner joined = new StringJoiner("; ");
			message.forEach((each) -> joined.add(each.isString() ? each.asString() : each.toString()));
			return new ErrorBody(joined.toString(), Map.of());
		}
		return new ErrorBody(message.isString() ? message.asString() : message.toString(), Map.of());
	}

}
