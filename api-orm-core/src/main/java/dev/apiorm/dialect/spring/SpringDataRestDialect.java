package dev.apiorm.dialect.spring;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriUtils;

import dev.apiorm.dialect.DeclaredFilters;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordType;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;

/**
 * The dialect of Spring Data REST: HAL collections ({@code _embedded},
 * {@code _links.next}, {@code page}), records whose id is in their {@code self} link,
 * {@code page}/{@code size} (0-based) and {@code sort=field,desc}, plain JSON writes, and
 * Spring Data REST's validation errors ({@code errors[].property}).
 * <p>
 * A collection resource binds no filter: every filter is refused unless the application
 * declares what it binds ({@code api-orm.spring-data-rest.lookups}: {@code exact} and
 * {@code in} with Querydsl web support, which binds {@code field=value} and several
 * values as {@code in}). OR and negation are refused. Records are read in their HAL form:
 * the id is taken from the {@code self} link when the body does not hold it (Spring Data
 * REST's default), so that a saved record is updated, not created again.
 */
public class SpringDataRestDialect extends SpringDialect {

	/** The name of this dialect in {@code api-orm.dialect}. */
	public static final String NAME = "spring-data-rest";

	/** The filters of an application that binds none, Spring Data REST's default. */
	public static final DeclaredFilters DEFAULT_FILTERS = new DeclaredFilters(List.of(),
			SpringPageDialect.DEFAULT_LOOKUP_PARAMETER, Map.of());

	private final JsonMapper mapper;

	/**
	 * The dialect of an application that binds no filter (Spring Data REST's default).
	 * @param mapper reads bodies
	 */
	public SpringDataRestDialect(JsonMapper mapper) {
		this(mapper, DEFAULT_FILTERS, "api-orm." + NAME);
	}

	/**
	 * The dialect of an application that binds some lookups.
	 * @param mapper reads bodies
	 * @param lookups the lookups the application binds ({@code exact} and {@code in} with
	 * Querydsl web support)
	 * @param lookupParameter the parameter of a lookup other than {@code exact} and
	 * {@code in}, with {@code {field}} and {@code {lookup}}
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public SpringDataRestDialect(JsonMapper mapper, Collection<String> lookups, String lookupParameter) {
		this(mapper, lookups, lookupParameter, Map.of());
	}

	/**
	 * The dialect of an application that binds some lookups.
	 * @param mapper reads bodies
	 * @param lookups the lookups the application binds ({@code exact} and {@code in} with
	 * Querydsl web support)
	 * @param lookupParameter the parameter of a lookup other than {@code exact} and
	 * {@code in}, with {@code {field}} and {@code {lookup}}
	 * @param lookupTemplates templates of their own for some lookups, which they declare
	 * as bound: {@code name=value} with {@code {field}} and {@code {value}} ({@code gt}
	 * to {@code filter[{field}]=>{value}})
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public SpringDataRestDialect(JsonMapper mapper, Collection<String> lookups, String lookupParameter,
			Map<String, String> lookupTemplates) {
		this(mapper, new DeclaredFilters(List.copyOf(lookups), lookupParameter, lookupTemplates), "api-orm." + NAME);
	}

	/**
	 * The dialect of an application that binds the filters a client's properties declare.
	 * @param mapper reads bodies
	 * @param filters the filters the application binds
	 * @param property the prefix of the properties that declare them, for messages
	 * ({@code api-orm.clients.shop.spring-data-rest})
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public SpringDataRestDialect(JsonMapper mapper, DeclaredFilters filters, String property) {
		super(NAME, mapper, filters, property);
		this.mapper = mapper;
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records) {
		return readPage(parser, records, new RecordType("", ""));
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		return readPage(parser, records, context.type());
	}

	private <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, RecordType type) {
		JsonNode root = this.mapper.readTree(parser);
		if (root == null || !root.isObject()) {
			throw new ApiDecodeException("expected a HAL collection (an object with _embedded), got "
					+ ((root != null) ? root.getNodeType() : "nothing"), null);
		}
		ArrayNode plain = this.mapper.createArrayNode();
		JsonNode embedded = root.get("_embedded");
		if (embedded != null && embedded.isObject()) {
			// The collection's relation name is the server's: take the array it holds.
			for (Map.Entry<String, JsonNode> relation : embedded.properties()) {
				if (relation.getValue().isArray()) {
					relation.getValue().forEach((record) -> plain.add(unwrapRecord(record, type)));
					break;
				}
			}
		}
		else if (root.get("page") == null) {
			throw new ApiDecodeException("expected a HAL collection with _embedded and page", null);
		}
		List<R> read = records.read(plain, this.mapper);
		SpringPaging.Metadata metadata = SpringPaging.metadata(NAME, "page", root.get("page"));
		JsonNode nextLink = root.at("/_links/next/href");
		if (!nextLink.isMissingNode() && !nextLink.isString()) {
			throw new ApiDecodeException(NAME + ": the page's '_links.next.href' is " + nextLink
					+ ", not a link: the rest of the collection cannot be reached", null);
		}
		String next = nextLink.isString() ? nextLink.asString() : null;
		return new PageResult<>(read, metadata.totalElements(), next, true, null, metadata.layout());
	}

	@Override
	public boolean wrapsRecords() {
		return true;
	}

	/**
	 * The record's fields without its links, the id taken from the {@code self} link when
	 * the body does not hold it.
	 */
	@Override
	public JsonNode unwrapRecord(JsonNode document, RecordType type) {
		if (!(document instanceof ObjectNode record)) {
			throw new ApiDecodeException("expected a record (a JSON object), got " + document.getNodeType(), null);
		}
		ObjectNode plain = record.deepCopy();
		plain.remove("_links");
		plain.remove("_embedded");
		JsonNode self = record.at("/_links/self/href");
		if (!type.idField().isEmpty() && !plain.has(type.idField()) && self.isString()) {
			String id = lastSegment(self.asString());
			if (!id.isEmpty() && id.chars().allMatch(Character::isDigit) && id.length() < 19) {
				plain.put(type.idField(), Long.parseLong(id));
			}
			else {
				plain.put(type.idField(), id);
			}
		}
		return plain;
	}

	private static String lastSegment(String href) {
		String path = href;
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		int template = path.indexOf('{');
		if (template >= 0) {
			path = path.substring(0, template);
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return UriUtils.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
	}

	@Override
	public JsonNode wrapRecord(ObjectNode record, RecordType type, @Nullable Object id) {
		return record;
	}

}
