package dev.apiorm.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One query parameter of percent-encoded URLs, read and rewritten, for conventions whose
 * next page the client writes from the request it sent.
 */
public final class QueryParameter {

	private final String name;

	private final Pattern pattern;

	/**
	 * A parameter.
	 * @param name its name, as encoded in URLs ({@code _start}, {@code page%5Boffset%5D})
	 */
	public QueryParameter(String name) {
		this.name = name;
		this.pattern = Pattern.compile("[?&]" + Pattern.quote(name) + "=([^&#]*)");
	}

	/**
	 * The raw (still encoded) value of this parameter in a URL.
	 * @param url the URL
	 * @return the first value, {@code null} when the URL has no such parameter
	 */
	public @Nullable String get(String url) {
		Matcher matcher = this.pattern.matcher(url);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * The value of this parameter in a URL as a number.
	 * @param url the URL
	 * @return the value, {@code null} when the URL has no such parameter or it is not a
	 * number
	 */
	public @Nullable Long getLong(String url) {
		String value = get(url);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The URL of the page that follows one asked for with this offset parameter: the
	 * offset moved past the records the page delivered.
	 * @param url the URL the page was asked for
	 * @param delivered how many records the page held
	 * @param total how many records there are, {@code null} when the API did not say
	 * @return the next page's URL, {@code null} when the page was empty or the total
	 * shows no more
	 */
	public @Nullable String following(String url, int delivered, @Nullable Long total) {
		Long offset = getLong(url);
		long next = ((offset != null) ? offset : 0) + delivered;
		if (delivered == 0 || (total != null && next >= total)) {
			return null;
		}
		return set(url, Long.toString(next));
	}

	/**
	 * A URL with this parameter set to a value: replaced where it is, appended otherwise.
	 * @param url the URL
	 * @param value the value, encoded
	 * @return the new URL
	 */
	public String set(String url, String value) {
		Matcher matcher = this.pattern.matcher(url);
		if (matcher.find()) {
			return url.substring(0, matcher.start(1)) + value + url.substring(matcher.end(1));
		}
		return url + ((url.indexOf('?') >= 0) ? "&" : "?") + this.name + "=" + value;
	}

}
