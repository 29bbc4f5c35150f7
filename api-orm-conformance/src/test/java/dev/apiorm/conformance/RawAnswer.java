package dev.apiorm.conformance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A server's answer to a request, read over plain HTTP ({@code java.net.http}) without
 * api-orm: what the tests of the conformance servers assert to prove that a server speaks
 * its convention as the real one does.
 *
 * @param status the status
 * @param headers the headers
 * @param body the body as JSON, missing when it is empty
 */
public record RawAnswer(int status, HttpHeaders headers, JsonNode body) {

	/**
	 * Sends a GET.
	 * @param url the absolute URL, its query already encoded (see {@link #query})
	 * @param headers header names and values, in pairs
	 * @return the answer
	 */
	public static RawAnswer get(String url, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
	}

	/**
	 * Sends a request with a JSON body.
	 * @param method the method ({@code POST})
	 * @param url the absolute URL
	 * @param json the body
	 * @param headers header names and values, in pairs
	 * @return the answer
	 */
	public static RawAnswer send(String method, String url, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json"), headers);
	}

	private static RawAnswer send(HttpRequest.Builder request, String... headers) {
		request.header("Accept", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = ServerProcesses.send(request.build());
		JsonNode body = response.body().isEmpty() ? MissingNode.getInstance() : ServerProcesses.json(response.body());
		return new RawAnswer(response.statusCode(), response.headers(), body);
	}

	/**
	 * A query string, each name and value percent-encoded as a form does
	 * ({@code $sort[pages]=-1} becomes {@code %24sort%5Bpages%5D=-1}).
	 * @param namesAndValues parameter names and values, in pairs
	 * @return {@code ?name=value&...}, or the empty string when there are none
	 */
	public static String query(String... namesAndValues) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			query.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return query.toString();
	}

	/**
	 * The names of the body's properties, in the server's order.
	 * @return the names
	 */
	public List<String> propertyNames() {
		return List.copyOf(this.body.propertyNames());
	}

	/**
	 * The ids of the records of an array in the body.
	 * @param pointer the array's JSON pointer ({@code /data}; the empty string for a body
	 * that is the array)
	 * @return the ids, in the server's order
	 */
	public List<Long> ids(String pointer) {
		JsonNode records = this.body.at(pointer);
		if (!records.isArray()) {
			throw new AssertionError("No array at '" + pointer + "' of " + this.body);
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode record : records.values()) {
			ids.add(record.get("id").asLong());
		}
		return ids;
	}

}
