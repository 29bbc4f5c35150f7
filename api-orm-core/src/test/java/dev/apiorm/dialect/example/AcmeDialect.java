package dev.apiorm.dialect.example;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.DeclaredLookups;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.ErrorBody;
import dev.apiorm.dialect.PageContext;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.QueryParameter;
import dev.apiorm.dialect.QueryValues;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.exception.ApiDecodeException;

/**
 * The convention of an in-house API: {@code ?genre=novel&min_pages=100},
 * {@code ?order_by=-pages}, {@code ?skip=20&take=10}, pages as {@code {"items": [...],
 * "total": 25}}.
 */
public class AcmeDialect implements Dialect {

	private static final QueryParameter SKIP = new QueryParameter("skip");

	private final DeclaredLookups lookups = new DeclaredLookups("acme", List.of("exact"), "{field}", "{field}",
			Map.of("gte", "min_{field}={value}"), false, "acme");

	@Override
	public String name() {
		return "acme";
	}

	@Override
	public String queryParameters(@Nullable Q filter, List<String> ordering) {
		StringJoiner parameters = new StringJoiner("&");
		// Refuses (UnsupportedQueryException naming "acme") what the API does not bind.
		this.lookups.write(filter, parameters);
		ordering.forEach((field) -> parameters.add("order_by=" + QueryValues.encode(field)));
		return parameters.toString();
	}

	@Override
	public PageStart pageParameters(Pagination pagination, long offset, int size) {
		return new PageStart("skip=" + offset + "&take=" + size, 0);
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new ApiDecodeException("expected {\"items\": [...], \"total\": n}", null);
		}
		List<R> items = List.of();
		Long total = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			parser.nextToken();
			switch (field) {
				case "items" -> items = records.read(parser);
				case "total" -> total = parser.getLongValue();
				default -> parser.skipChildren();
			}
		}
		return new PageResult<>(items, total, null, true);
	}

	@Override
	public <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		PageResult<R> page = readPage(parser, records);
		// The API links no next page: the client writes it.
		String next = SKIP.following(context.requestUrl(), page.records().size(), page.count());
		return new PageResult<>(page.records(), page.count(), next, true);
	}

	@Override
	public ErrorBody readError(String body) {
		return ErrorBody.EMPTY;
	}

}
