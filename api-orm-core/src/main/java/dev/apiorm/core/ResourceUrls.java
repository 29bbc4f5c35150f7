package dev.apiorm.core;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.ApiDecodeException;

/**
 * The URLs of one client's resources: collections with their query strings, records by id
 * (percent-encoded), and next-page links, which are followed only within the base URL's
 * origin.
 */
final class ResourceUrls {

	private final URI baseUrl;

	private final String base;

	private final Dialect dialect;

	/** The base URL's path, without a trailing slash. */
	private final String basePath;

	/** An id no record has, written where the id goes and replaced by {@code {id}}. */
	private static final long ID_PLACEHOLDER = Long.MIN_VALUE;

	private final Map<ApiPersistentEntity<?>, String> collectionTemplates = new ConcurrentHashMap<>();

	private final Map<ApiPersistentEntity<?>, String> recordTemplates = new ConcurrentHashMap<>();

	ResourceUrls(URI baseUrl, Dialect dialect) {
		this.baseUrl = baseUrl;
		this.dialect = dialect;
		String url = baseUrl.toString();
		this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.basePath = URI.create(this.base).getRawPath();
	}

	URI collection(ApiPersistentEntity<?> entity) {
		return URI.create(this.base + entity.getEndpoint());
	}

	String collection(ApiPersistentEntity<?> entity, String... parameterGroups) {
		StringBuilder url = new StringBuilder(this.base).append(entity.getEndpoint());
		char separator = '?';
		for (String parameters : parameterGroups) {
			if (!parameters.isEmpty()) {
				url.append(separator).append(parameters);
				separator = '&';
			}
		}
		return url.toString();
	}

	URI record(ApiPersistentEntity<?> entity, Object id) {
		Object converted = entity.convertId(id);
		String text = String.valueOf(converted);
		if (text.isEmpty() || text.equals(".") || text.equals("..")) {
			throw new IllegalArgumentException(entity.getModelName() + ": '" + text + "' is not a valid id");
		}
		return URI.create(this.base + this.dialect.recordPath(entity.getEndpoint(), converted));
	}

	/**
	 * The URI template of a model's collection or records, for observations
	 * ({@code /api/books/} and {@code /api/books/{id}/}): the base URL's path and the
	 * endpoint, without host or query.
	 */
	String template(ApiPersistentEntity<?> entity, boolean record) {
		Map<ApiPersistentEntity<?>, String> cache = record ? this.recordTemplates : this.collectionTemplates;
		String template = cache.get(entity);
		if (template == null) {
			template = this.basePath + (record ? this.dialect.recordPath(entity.getEndpoint(), ID_PLACEHOLDER)
				.replace(String.valueOf(ID_PLACEHOLDER), "{id}") : entity.getEndpoint());
			cache.put(entity, template);
		}
		return template;
	}

	URI path(String path) {
		return path.isEmpty() ? this.baseUrl : URI.create(this.base + (path.startsWith("/") ? path : "/" + path));
	}

	/**
	 * A next-page link made absolute against the page that held it.
	 * @throws ApiDecodeException when the link is malformed or leaves the API's origin
	 */
	String next(ApiPersistentEntity<?> entity, String pageUrl, String next) {
		URI resolved;
		try {
			resolved = URI.create(pageUrl).resolve(next);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiDecodeException(entity.getModelName() + " list: the next page link is not a valid URL", ex);
		}
		if (!Origins.same(this.baseUrl, resolved)) {
			throw new ApiDecodeException(
					entity.getModelName() + " list: the next page link points to " + resolved.getScheme() + "://"
							+ resolved.getHost() + ((resolved.getPort() != -1) ? ":" + resolved.getPort() : "")
							+ ", outside the API's origin; it was not followed",
					null);
		}
		return resolved.toString();
	}

}
