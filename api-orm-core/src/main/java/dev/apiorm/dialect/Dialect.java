package dev.apiorm.dialect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

import dev.apiorm.Pagination;
import dev.apiorm.Q;

/**
 * How one API convention writes queries and reads pages and errors. A dialect holds no
 * state per request; one instance serves every model of a client.
 * <p>
 * Every method that writes query parameters returns them percent-encoded and joined with
 * {@code &}, or the empty string.
 */
public interface Dialect {

	/**
	 * The name used in {@code api-orm.dialect}.
	 * @return the name
	 */
	String name();

	/**
	 * The parameters of a condition and an ordering.
	 * @param filter the condition, {@code null} for none
	 * @param ordering API field names, {@code -} first for descending
	 * @return the encoded parameters
	 * @throws dev.apiorm.exception.UnsupportedQueryException when the convention cannot
	 * express the condition
	 */
	String queryParameters(@Nullable Q filter, List<String> ordering);

	/**
	 * The name of the parameter that expresses a condition, for messages that say which
	 * parameter an API ignored.
	 * @param condition a lookup, a negated lookup, or a combination
	 * @return the parameter's name as sent (not encoded)
	 */
	default String parameterName(Q condition) {
		return (condition instanceof Q.Lookup lookup) ? lookup.lookup() : condition.toString();
	}

	/**
	 * The parameters that ask for the page holding record {@code offset}.
	 * @param pagination the endpoint's pagination
	 * @param offset the index of the first record wanted
	 * @param size how many records the page should hold
	 * @return the parameters and how many records of that page come before {@code offset}
	 */
	PageStart pageParameters(Pagination pagination, long offset, int size);

	/**
	 * How the API paged a response, read from the page's links and sizes, so that a page
	 * that does not start where it was asked, or a page size the server fixes, is seen.
	 * @param page the page as read
	 * @param requestUrl the URL the page was asked for, to tell the parameters the server
	 * set in its links from those it copied from the request
	 * @return what the page shows, {@link PageLayout#UNKNOWN} when nothing
	 */
	default PageLayout layoutOf(PageResult<?> page, String requestUrl) {
		PageLayout layout = page.layout();
		return (layout != null) ? layout : PageLayout.UNKNOWN;
	}

	/**
	 * Reads a page of records from a response body.
	 * @param parser the parser over the body, before its first token
	 * @param records reads the array of records the page holds
	 * @param <R> the record type
	 * @return the page
	 */
	<R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records);

	/**
	 * Reads a page of records from a response, for conventions that put paging in headers
	 * ({@code Link}, {@code X-Total-Count}) or whose next page the client writes. By
	 * default the body alone.
	 * @param parser the parser over the body, before its first token
	 * @param records reads the array of records the page holds
	 * @param context the URL asked for, the response's headers and the model
	 * @param <R> the record type
	 * @return the page
	 */
	default <R> PageResult<R> readPage(JsonParser parser, RecordsReader<R> records, PageContext context) {
		return readPage(parser, records);
	}

	/**
	 * The path of one record: by default its id, percent-encoded, as a path segment after
	 * the endpoint ({@code /books/7}, {@code /books/7/} for an endpoint ending with a
	 * slash).
	 * @param endpoint the model's endpoint
	 * @param id the record's id, of the model's id type
	 * @return the path, percent-encoded
	 */
	default String recordPath(String endpoint, Object id) {
		String segment = UriUtils.encodePathSegment(String.valueOf(id), StandardCharsets.UTF_8);
		return endpoint + (endpoint.endsWith("/") ? segment + "/" : "/" + segment);
	}

	/**
	 * The media type of the bodies this convention sends and accepts.
	 * @return {@code application/json} unless the convention has its own
	 */
	default MediaType mediaType() {
		return MediaType.APPLICATION_JSON;
	}

	/**
	 * The method that replaces a whole record ({@code save} of an instance that is not
	 * tracked, {@code update}).
	 * @return {@code PUT} unless the convention has none
	 */
	default HttpMethod replaceMethod() {
		return HttpMethod.PUT;
	}

	/**
	 * Whether a record travels in an envelope ({@link #unwrapRecord},
	 * {@link #wrapRecord}) rather than as a plain JSON object of the model's fields.
	 * @return {@code false} unless the convention wraps records
	 */
	default boolean wrapsRecords() {
		return false;
	}

	/**
	 * The plain record (an object of the model's fields, the id among them) in a body
	 * that holds one record; called only when {@link #wrapsRecords()}.
	 * @param document the body
	 * @param type the model
	 * @return the record
	 * @throws dev.apiorm.exception.ApiDecodeException when the body holds no record
	 */
	default JsonNode unwrapRecord(JsonNode document, RecordType type) {
		return document;
	}

	/**
	 * The body that writes a record; called only when {@link #wrapsRecords()}.
	 * @param record the record's fields as a JSON object
	 * @param type the model
	 * @param id the record's id, {@code null} for a create
	 * @return the body to send
	 */
	default JsonNode wrapRecord(ObjectNode record, RecordType type, @Nullable Object id) {
		return record;
	}

	/**
	 * Headers the convention needs on every request, such as PostgREST's
	 * {@code Prefer: count=exact}.
	 * @return the headers, none by default
	 */
	default Map<String, String> requestHeaders() {
		return Map.of();
	}

	/**
	 * Reads an error body.
	 * @param body the body as text
	 * @return the message and field errors found in it
	 */
	ErrorBody readError(String body);

	/**
	 * The first page request of a window.
	 *
	 * @param parameters the encoded paging parameters
	 * @param skip how many records of the page precede the window
	 */
	record PageStart(String parameters, int skip) {
	}

}
