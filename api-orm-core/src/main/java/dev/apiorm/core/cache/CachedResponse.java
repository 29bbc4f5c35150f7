package dev.apiorm.core.cache;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * An answer kept by the HTTP cache: its status, the headers that may be kept, the body's
 * bytes, when it was stored or last revalidated, the generation of its collection it
 * belongs to, and the values of the request headers its {@code Vary} names. Serializable
 * (plain JDK types), so that a Redis cache can keep it; it holds no credential: neither
 * the request's {@code Authorization} nor a cookie is ever part of it.
 */
public final class CachedResponse implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Headers never kept: credentials, per-connection headers, and signals for one
	 * answer.
	 */
	private static final Set<String> NOT_KEPT = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
			"set-cookie2", "www-authenticate", "proxy-authenticate", "connection", "keep-alive", "transfer-encoding",
			"content-length", "trailer", "upgrade", "te", "proxy-connection", "retry-after", "ratelimit",
			"ratelimit-policy", "ratelimit-remaining", "ratelimit-reset", "ratelimit-limit", "x-ratelimit-remaining",
			"x-ratelimit-reset", "x-ratelimit-limit");

	private final int status;

	private final LinkedHashMap<String, ArrayList<String>> headers;

	private final byte[] body;

	private final long storedAt;

	/** How long after {@link #storedAt} it is fresh, in milliseconds. */
	private final long freshFor;

	private final String generation;

	private final LinkedHashMap<String, String> varying;

	/**
	 * An answer to keep.
	 * @param status the status
	 * @param headers the response's headers; those that may not be kept are left out
	 * @param body the body's bytes
	 * @param storedAt when it was received, in milliseconds since the epoch
	 * @param generation the generation of its collection when the request was sent
	 * @param varying the request's values of the headers its {@code Vary} names
	 */
	public CachedResponse(int status, HttpHeaders headers, byte[] body, long storedAt, String generation,
			Map<String, String> varying) {
		Assert.notNull(body, "body must not be null");
		Assert.notNull(generation, "generation must not be null");
		this.status = status;
		this.headers = kept(headers);
		this.body = body;
		this.storedAt = storedAt;
		this.freshFor = Freshness.of(headers).lifetimeMillis(headers);
		this.generation = generation;
		this.varying = new LinkedHashMap<>(varying);
	}

	private static LinkedHashMap<String, ArrayList<String>> kept(HttpHeaders headers) {
		LinkedHashMap<String, ArrayList<String>> kept = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			if (!NOT_KEPT.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				kept.put(name, new ArrayList<>(values));
			}
		});
		return kept;
	}

	/**
	 * This answer, revalidated by a {@code 304 Not Modified}: its headers updated with
	 * those of the 304 (RFC 9111, 4.3.4), stored anew now.
	 * @param notModified the headers of the 304
	 * @param now the time, in milliseconds since the epoch
	 * @return the updated answer
	 */
	public CachedResponse revalidated(HttpHeaders notModified, long now) {
		HttpHeaders merged = headers();
		notModified.forEach((name, values) -> {
			if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
				merged.put(name, values);
			}
		});
		return new CachedResponse(this.status, merged, this.body, now, this.generation, this.varying);
	}

	public int status() {
		return this.status;
	}

	/**
	 * The headers kept, as a new, changeable copy.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		this.headers.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
		return headers;
	}

	/**
	 * The body's bytes, the array itself (not to be changed).
	 * @return the bytes
	 */
	public byte[] body() {
		return this.body;
	}

	public long storedAt() {
		return this.storedAt;
	}

	/**
	 * Whether the answer may be served without asking the API.
	 * @param now the time, in milliseconds since the epoch
	 * @return whether it is still fresh
	 */
	public boolean freshAt(long now) {
		long age = now - this.storedAt;
		return age >= 0 && age < this.freshFor;
	}

	/**
	 * The validator sent in {@code If-None-Match}.
	 * @return the entity tag, {@code null} for none
	 */
	public @Nullable String etag() {
		return first(HttpHeaders.ETAG);
	}

	/**
	 * The validator sent in {@code If-Modified-Since}.
	 * @return the {@code Last-Modified} date as the API wrote it, {@code null} for none
	 */
	public @Nullable String lastModified() {
		return first(HttpHeaders.LAST_MODIFIED);
	}

	private @Nullable String first(String name) {
		for (Map.Entry<String, ArrayList<String>> header : this.headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
				return header.getValue().get(0);
			}
		}
		return null;
	}

	public String generation() {
		return this.generation;
	}

	/**
	 * The values of the request headers the answer's {@code Vary} names, an empty string
	 * for a header the request did not have.
	 * @return the values by lower-case name
	 */
	public Map<String, String> varying() {
		return java.util.Collections.unmodifiableMap(this.varying);
	}

	/**
	 * The names the answer's {@code Vary} lists.
	 * @return the names, lower case
	 */
	List<String> varyNames() {
		return List.copyOf(this.varying.keySet());
	}

	@Override
	public String toString() {
		return "CachedResponse " + this.status + ", " + this.body.length + " bytes, stored at " + this.storedAt;
	}

}
