package dev.apiorm.dialect.jsonapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.DeclaredFilters;
import dev.apiorm.dialect.DeclaredLookups;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.ErrorJson;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageFields;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.dialect.RecordType;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;

/**
 * The dialect of JSON:API 1.1 ({@code application/vnd.api+json}).
 * <ul>
 * <li>records are resource objects: the model's fields are the {@code attributes}, its id
 * the {@code id} (a string on the wire), a to-one relationship the related resource's id;
 * writes send {@code {"data": {"type", "id", "attributes"}}}, the type being the
 * endpoint's last segment;</li>
 * <li>JSON:API has no PUT: a whole record is replaced with a PATCH of every attribute; a
 * {@code 204} answer means the server took the record as sent;</li>
 * <li>filters as the server declares them (the specification leaves the strategy to it):
 * {@code filter[field]=value} for {@code exact}, comma-joined values for {@code in}, and
 * other declared lookups as {@code filter[field][lookup]=value}; OR, negation and
 * undeclared lookups are refused;</li>
 * <li>{@code sort=-published,title}; {@code page[offset]}/{@code page[limit]} or
 * {@code page[number]}/{@code page[size]} (1-based); {@code links.next}; the total from
 * {@code meta} where the server gives one ({@code total}, {@code totalCount},
 * {@code count}, {@code page.total}, {@code page.totalRecords});</li>
 * <li>error objects: {@code detail} or {@code title}, and {@code source.pointer}
 * ({@code /data/attributes/title}) naming the field.</li>
 * </ul>
 */
public class JsonApiDialect implements Dialect {

	/** The name of this dialect in {@code api-orm.dialect}. */
	public static final String NAME = "jsonapi";

	/** The parameter of a declared lookup by default: {@code filter[pages][gte]}. */
	public static final String DEFAULT_LOOKUP_PARAMETER = "filter[{field}][{lookup}]";

	/** The filters of a server that binds {@code filter[field]=value} only. */
	public static final DeclaredFilters DEFAULT_FILTERS = new DeclaredFilters(List.of("exact"),
			DEFAULT_LOOKUP_PARAMETER, Map.of());

	/** JSON:API's media type. */
	public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/vnd.api+json");

	private final JsonMapper mapper;

	private final DeclaredLookups lookups;

	/**
	 * The dialect of a server that binds {@code filter[field]=value} only.
	 * @param mapper reads and writes documents
	 */
	public JsonApiDialect(JsonMapper mapper) {
		this(mapper, DEFAULT_FILTERS, "api-orm." + NAME);
	}

	/**
	 * The dialect of a server that binds some lookups.
	 * @param mapper reads and writes documents
	 * @param lookups the lookups the server binds ({@code exact}, {@code in},
	 * {@code gte}, ...)
	 * @param lookupParameter the parameter of a lookup other than {@code exact} and
	 * {@code in}, with {@code {field}} and {@code {lookup}}
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public JsonApiDialect(JsonMapper mapper, Collection<String> lookups, String lookupParameter) {
		this(mapper, lookups, lookupParameter, Map.of());
	}

	/**
	 * The dialect of a server that binds some lookups.
	 * @param mapper reads and writes documents
	 * @param lookups the lookups the server binds ({@code exact}, {@code in},
	 * {@code gte}, ...)
	 * @param lookupParameter the parameter of a lookup other than {@code exact} and
	 * {@code in}, with {@code {field}} and {@code {lookup}}
	 * @param lookupTemplates templates of their own for some lookups, which they declare
	 * as bound: {@code name=value} with {@code {field}} and {@code {value}} ({@code gt}
	 * to {@code filter[{field}]=>{value}})
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public JsonApiDialect(JsonMapper mapper, Collection<String> lookups, String lookupParameter,
			Map<String, String> lookupTemplates) {
		this(mapper, new DeclaredFilters(List.copyOf(lookups), lookupParameter, lookupTemplates), "api-orm." + NAME);
	}

	/**
	 * The dialect of a server that binds the filters a client's properties declare.
	 * @param mapper reads and writes documents
	 * @param filters the filters the server binds
	 * @param property the prefix of the properties that declare them, for messages
	 * ({@code api-orm.clients.library.jsonapi})
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public JsonApiDialect(JsonMapper mapper, DeclaredFilters filters, String property) {
		Assert.notNull(mapper, "mapper must not be null");
		Assert.notNull(filters, "filters must not be null");
		this.mapper = mapper;
		this.lookups = new DeclaredLookups(NAME, filters.lookups(), "filter[{field}]", filters.lookupParameter(),
				filters.lookupTemplates(), true, property);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String queryParameters(@Nullable Q filter, List<String> ordering) {
		StringJoiner parameters = new StringJoiner("&");
		this.lookups.write(filter, parameters);
		if (!ordering.isEmpty()) {
			StringJoiner fields = new StringJoiner(",");
			ordering.forEach((field) -> fields.add(QueryValues.encode(field)));
			parameters.add("sort=" + fields);
		}
		return parameters.toString();
	}

	@Override
	public String parameterName(Q condition) {
		return this.lookups.parameterName(condition);
	}

	@Override
	public PageStart pageParameters(Pagination pagination, long offset, int size) {
		Assert.isTrue(size > 0, "size must be positive");
		return switch (pagination) {
			case LIMIT_OFFSET, CLIENT_DEFAULT ->
				new PageStart("page%5Boffset%5D=" + offset + "&page%5Blimit%5D=" + size, 0);
			case PAGE_NUMBER -> new PageStart("page%5Bnumber%5D=" + (offset / size + 1) + "&page%5Bsize%5D=" + size,
					(int) (offset % size));
			case NONE -> new PageStart("", (int) Math.min(offset, Integer.MAX_VALUE));
			// The cursor pagination profile: the first page, then the links' next pages.
			case CURSOR -> new PageStart("page%5Bsize%5D=" + size, (int) Math.min(offset, Integer.MAX_VALUE));
		};
	}

	@Override
	public MediaType mediaType() {
		return MEDIA_TYPE;
	}

	@Override
	public HttpMethod replaceMethod() {
		return HttpMethod.PATCH;
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records) {
		return read(parser, records, new RecordType("", "id"));
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		return read(parser, records, context.type());
	}

	private <R> PageResult<R> read(JsonParser parser, RecordsReader<R> records, RecordType type) {
		JsonNode document = this.mapper.readTree(parser);
		JsonNode data = (document != null) ? document.get("data") : null;
		if (data == null || !data.isArray()) {
			throw new ApiDecodeException("expected a JSON:API document whose data is an array of resources", null);
		}
		ArrayNode plain = this.mapper.createArrayNode();
		data.forEach((resource) -> plain.add(attributes(resource, type)));
		List<R> read = records.read(plain, this.mapper);
		return new PageResult<>(read, total(document.get("meta")), link(document.get("links"), "next"), true,
				link(document.get("links"), "prev"));
	}

	private static @Nullable Long total(@Nullable JsonNode meta) {
		if (meta == null) {
			return null;
		}
		for (String pointer : List.of("/total", "/totalCount", "/count", "/page/total", "/page/totalRecords",
				"/page/totalResources")) {
			JsonNode total = meta.at(pointer);
			if (!total.isMissingNode()) {
				return PageFields.count(NAME, "meta" + pointer.replace('/', '.'), total);
			}
		}
		return null;
	}

	/**
	 * A link of a {@code links} object: a string or a link object with {@code href}.
	 */
	private static @Nullable String link(@Nullable JsonNode links, String name) {
		JsonNode link = (links != null) ? links.get(name) : null;
		if (link == null || link.isNull()) {
			return null;
		}
		if (link.isString()) {
			return link.asString();
		}
		JsonNode href = link.get("href");
		return (href != null && href.isString()) ? href.asString() : null;
	}

	@Override
	public boolean wrapsRecords() {
		return true;
	}

	@Override
	public JsonNode unwrapRecord(JsonNode document, RecordType type) {
		JsonNode data = document.get("data");
		if (data == null || !data.isObject()) {
			throw new ApiDecodeException("expected a JSON:API document whose data is a resource object", null);
		}
		return attributes(data, type);
	}

	/**
	 * A resource object as a plain record: its attributes, its id, and the id of each
	 * to-one relationship under the relationship's name.
	 */
	private ObjectNode attributes(JsonNode resource, RecordType type) {
		if (!resource.isObject()) {
			throw new ApiDecodeException("expected a resource object, got " + resource.getNodeType(), null);
		}
		ObjectNode record = this.mapper.createObjectNode();
		JsonNode id = resource.get("id");
		if (id != null && !id.isNull()) {
			record.set(type.idField(), id);
		}
		JsonNode relationships = resource.get("relationships");
		if (relationships != null && relationships.isObject()) {
			for (Map.Entry<String, JsonNode> relationship : relationships.properties()) {
				JsonNode related = relationship.getValue().get("data");
				if (related != null && related.isObject() && related.get("id") != null) {
					record.set(relationship.getKey(), related.get("id"));
				}
			}
		}
		JsonNode attributes = resource.get("attributes");
		if (attributes != null && attributes.isObject()) {
			record.setAll((ObjectNode) attributes);
		}
		return record;
	}

	@Override
	public JsonNode wrapRecord(ObjectNode record, RecordType type, @Nullable Object id) {
		ObjectNode attributes = record.deepCopy();
		attributes.remove(type.idField());
		ObjectNode data = this.mapper.createObjectNode().put("type", type.typeName());
		if (id != null) {
			data.put("id", String.valueOf(id));
		}
		data.set("attributes", attributes);
		ObjectNode document = this.mapper.createObjectNode();
		document.set("data", data);
		return document;
	}

	@Override
	public ErrorBody readError(String body) {
		JsonNode root = ErrorJson.parse(this.mapper, body);
		JsonNode errors = (root != null) ? root.get("errors") : null;
		if (errors == null || !errors.isArray()) {
			return ErrorBody.EMPTY;
		}
		String message = null;
		Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
		for (JsonNode error : errors) {
			String text = ErrorJson.text(error, "detail", "title");
			JsonNode pointer = error.at("/source/pointer");
			String field = pointer.isString() ? field(pointer.asString()) : null;
			if (field != null && text != null) {
				fieldErrors.computeIfAbsent(field, (key) -> new ArrayList<>()).add(text);
			}
			else if (message == null) {
				message = text;
			}
		}
		return (message == null && fieldErrors.isEmpty()) ? ErrorBody.EMPTY : new ErrorBody(message, fieldErrors);
	}

	/**
	 * The field a JSON pointer into the request names: {@code /data/attributes/title} is
	 * {@code title}, {@code /data/relationships/author} is {@code author}.
	 */
	private static @Nullable String field(String pointer) {
		for (String prefix : List.of("/data/attributes/", "/data/relationships/")) {
			if (pointer.startsWith(prefix) && pointer.length() > prefix.length()) {
				String rest = pointer.substring(prefix.length());
				int slash = rest.indexOf('/');
				return (slash >= 0) ? rest.substring(0, slash) : rest;
			}
		}
		return pointer.equals("/data/id") ? "id" : null;
	}

}
