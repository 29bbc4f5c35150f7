package dev.apiorm.dialect.spring;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.apiorm.dialect.DeclaredFilters;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;

/**
 * The dialect of Spring MVC or WebFlux controllers that return Spring Data's
 * {@code PagedModel} ({@code content} and {@code page.totalElements}) or a serialized
 * {@code Page} ({@code content}, {@code totalElements} and {@code number} at the top).
 * <ul>
 * <li>filters as the request parameters the controller binds: {@code field=value} for
 * {@code exact}, repeated for {@code in}, and the other declared lookups as
 * {@code {field}_{lookup}} (both configurable); any other lookup, OR and negation are
 * refused;</li>
 * <li>{@code sort=field,desc}, one parameter per field: Spring sorts by Java property
 * names, so the model's field names must be the server's;</li>
 * <li>0-based {@code page} and {@code size} (an offset is asked for as the page holding
 * it); the size the server caps pages to is adopted; the next page is written by the
 * client from {@code page.number} and {@code page.totalPages};</li>
 * <li>plain JSON records and writes; Boot's and RFC 9457 error bodies.</li>
 * </ul>
 */
public class SpringPageDialect extends SpringDialect {

	/** The name of this dialect in {@code api-orm.dialect}. */
	public static final String NAME = "spring-page";

	/** The parameter of a declared lookup by default: {@code pages_gte}. */
	public static final String DEFAULT_LOOKUP_PARAMETER = "{field}_{lookup}";

	/**
	 * The filters of a controller that binds {@code field=value} only, the least a
	 * controller binds.
	 */
	public static final DeclaredFilters DEFAULT_FILTERS = new DeclaredFilters(List.of("exact"),
			DEFAULT_LOOKUP_PARAMETER, Map.of());

	private final JsonMapper mapper;

	/** Reads a value in the middle of a page. */
	private final ObjectReader valueReader;

	/**
	 * The dialect of controllers that bind {@code field=value} only.
	 * @param mapper reads page metadata and error bodies
	 */
	public SpringPageDialect(JsonMapper mapper) {
		this(mapper, DEFAULT_FILTERS, "api-orm." + NAME);
	}

	/**
	 * The dialect of controllers that bind some lookups.
	 * @param mapper reads page metadata and error bodies
	 * @param lookups the lookups the controllers bind ({@code exact}, {@code in},
	 * {@code gte}, ...)
	 * @param lookupParameter the parameter of a lookup other than {@code exact} and
	 * {@code in}, with {@code {field}} and {@code {lookup}}
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public SpringPageDialect(JsonMapper mapper, Collection<String> lookups, String lookupParameter) {
		this(mapper, lookups, lookupParameter, Map.of());
	}

	/**
	 * The dialect of controllers that bind some lookups.
	 * @param mapper reads page metadata and error bodies
	 * @param lookups the lookups the controllers bind ({@code exact}, {@code in},
	 * {@code gte}, ...)
	 * @param lookupParameter the parameter of a lookup other than {@code exact} and
	 * {@code in}, with {@code {field}} and {@code {lookup}}
	 * @param lookupTemplates templates of their own for some lookups, which they declare
	 * as bound: {@code name=value} with {@code {field}} and {@code {value}} ({@code gt}
	 * to {@code filter[{field}]=>{value}})
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public SpringPageDialect(JsonMapper mapper, Collection<String> lookups, String lookupParameter,
			Map<String, String> lookupTemplates) {
		this(mapper, new DeclaredFilters(List.copyOf(lookups), lookupParameter, lookupTemplates), "api-orm." + NAME);
	}

	/**
	 * The dialect of controllers that bind the filters a client's properties declare.
	 * @param mapper reads page metadata and error bodies
	 * @param filters the filters the controllers bind
	 * @param property the prefix of the properties that declare them, for messages
	 * ({@code api-orm.clients.books.spring-page})
	 * @throws dev.apiorm.exception.ConfigurationException when a lookup or the parameter
	 * pattern is invalid
	 */
	public SpringPageDialect(JsonMapper mapper, DeclaredFilters filters, String property) {
		super(NAME, mapper, filters, property);
		this.mapper = mapper;
		this.valueReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records) {
		return read(parser, records, null);
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		return read(parser, records, context.requestUrl());
	}

	private <R> PageResult<R> read(JsonParser parser, RecordsReader<R> records, @Nullable String requestUrl) {
		JsonToken first = parser.nextToken();
		if (first == JsonToken.START_ARRAY) {
			List<R> all = records.read(parser);
			return new PageResult<>(all, (long) all.size(), null, false);
		}
		if (first != JsonToken.START_OBJECT) {
			throw new ApiDecodeException("expected a page with 'content' or a JSON array, got " + first, null);
		}
		List<R> content = null;
		JsonNode metadata = null;
		// A serialized PageImpl holds its metadata beside the content.
		ObjectNode inline = this.mapper.createObjectNode();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (field) {
				case "content" -> {
					if (token != JsonToken.START_ARRAY) {
						throw new ApiDecodeException("expected 'content' to be an array, got " + token, null);
					}
					content = records.read(parser);
				}
				case "page" -> {
					if (token == JsonToken.VALUE_NUMBER_INT) {
						// A page DTO of one's own (spring-petclinic-rest's): the page
						// number beside the other fields, not Spring's metadata object.
						inline.set("number", this.valueReader.readTree(parser));
					}
					else {
						metadata = this.valueReader.readTree(parser);
					}
				}
				case "number", "size", "totalElements", "totalPages" ->
					inline.set(field, this.valueReader.readTree(parser));
				default -> parser.skipChildren();
			}
		}
		if (content == null) {
			throw new ApiDecodeException("expected a page with 'content' (Spring Data's Page or PagedModel)", null);
		}
		SpringPaging.Metadata paging = (metadata != null) ? SpringPaging.metadata(NAME, "page", metadata)
				: SpringPaging.metadata(NAME, "", inline.isEmpty() ? null : inline);
		if (metadata != null && !inline.isEmpty()) {
			throw new ApiDecodeException(NAME + ": the page has both Spring's 'page' metadata and page fields beside "
					+ "'content' (" + String.join(", ", inline.propertyNames()) + "): which one holds is unclear",
					null);
		}
		if (paging.totalElements() == null && paging.totalPages() == null) {
			throw new ApiDecodeException(
					NAME + ": the page has 'content' but neither 'totalElements' nor "
							+ "'totalPages' (in 'page' or beside 'content'): whether more pages follow cannot be told",
					null);
		}
		String next = (requestUrl != null) ? paging.next(requestUrl) : null;
		return new PageResult<>(content, paging.totalElements(), next, true, null, paging.layout());
	}

}
