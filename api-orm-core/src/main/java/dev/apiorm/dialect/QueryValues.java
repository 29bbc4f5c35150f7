package dev.apiorm.dialect;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Writes query parameter names and values as text, percent-encoding everything but
 * unreserved characters, so that no value can add a parameter or change the path.
 */
public final class QueryValues {

	private QueryValues() {
	}

	/**
	 * Percent-encodes a name or value for a query string.
	 * @param text the text
	 * @return the encoded text
	 */
	public static String encode(String text) {
		return UriUtils.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * A value as text: booleans and numbers as JSON writes them, dates in ISO-8601, enums
	 * by name.
	 * @param value the value
	 * @return the text
	 */
	public static String format(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		return value.toString();
	}

	/**
	 * Whether a value holds several values (a collection or an array).
	 * @param value the value
	 * @return {@code true} for collections and arrays
	 */
	public static boolean isMultiple(@Nullable Object value) {
		return value instanceof Collection<?> || (value != null && value.getClass().isArray());
	}

	/**
	 * The elements of a collection or an array.
	 * @param value a collection or an array
	 * @return its elements, in order
	 */
	public static List<?> elements(Object value) {
		if (value instanceof Collection<?> collection) {
			return new ArrayList<>(collection);
		}
		List<Object> elements = new ArrayList<>();
		for (int i = 0; i < Array.getLength(value); i++) {
			elements.add(Array.get(value, i));
		}
		return elements;
	}

	/**
	 * The elements of a collection or array, each formatted and encoded, joined with a
	 * literal comma.
	 * @param value a collection or an array
	 * @return the joined text
	 */
	public static String encodeJoined(Object value) {
		StringJoiner joiner = new StringJoiner(",");
		if (value instanceof Collection<?> collection) {
			for (Object element : collection) {
				joiner.add(encode(format(element)));
			}
		}
		else {
			for (int i = 0; i < Array.getLength(value); i++) {
				joiner.add(encode(format(Array.get(value, i))));
			}
		}
		return joiner.toString();
	}

}
