package dev.apiorm.core.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Relations given as links, as Django REST Framework's {@code HyperlinkedRelatedField}
 * writes them: the related record's URL ({@code https://host/api/v1/authors/7/}) read as
 * its id, and the id written as the record's path ({@code /api/v1/authors/7/}).
 */
final class RelatedLinks {

	private RelatedLinks() {
	}

	/**
	 * Whether a relation's value is a link rather than an id.
	 * @param value the value as the API sent it
	 * @return {@code true} for an absolute URL or an absolute path
	 */
	static boolean isLink(String value) {
		return value.startsWith("/") || value.startsWith("http://") || value.startsWith("https://");
	}

	/**
	 * The id a link names inside a model's endpoint.
	 * @param link the link
	 * @param endpoint the related model's endpoint
	 * @return the id, percent-decoded; {@code null} when the link is no record of the
	 * endpoint
	 */
	static @Nullable String idIn(String link, String endpoint) {
		String path;
		try {
			path = new URI(link).getRawPath();
		}
		catch (URISyntaxException ex) {
			return null;
		}
		String collection = endpoint.endsWith("/") ? endpoint : endpoint + "/";
		int start = (path != null) ? path.indexOf(collection) : -1;
		if (start < 0) {
			return null;
		}
		String rest = path.substring(start + collection.length());
		if (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return (rest.isEmpty() || rest.contains("/")) ? null : UriUtils.decode(rest, StandardCharsets.UTF_8);
	}

	/**
	 * The path of a record, as a hyperlinked relation is written.
	 * @param endpoint the related model's endpoint
	 * @param id the related record's id
	 * @return the path, the id percent-encoded
	 */
	static String pathOf(String endpoint, Object id) {
		String segment = UriUtils.encodePathSegment(String.valueOf(id), StandardCharsets.UTF_8);
		return endpoint.endsWith("/") ? endpoint + segment + "/" : endpoint + "/" + segment;
	}

	/**
	 * A link for messages: its path only, never a credential or host.
	 * @param link the link
	 * @return the path, or a placeholder when the link cannot be parsed
	 */
	static String describe(String link) {
		try {
			String path = new URI(link).getRawPath();
			return (path != null) ? path : "(no path)";
		}
		catch (URISyntaxException ex) {
			return "(not a URL)";
		}
	}

}
