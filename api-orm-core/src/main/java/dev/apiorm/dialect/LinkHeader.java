package dev.apiorm.dialect;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads web links from {@code Link} headers (RFC 8288), such as
 * {@code <https://api.example.com/books?_page=2>; rel="next"}.
 */
public final class LinkHeader {

	private LinkHeader() {
	}

	/**
	 * The target of the first link with a relation type.
	 * @param headers the values of the response's {@code Link} headers
	 * @param relation the relation type, {@code next} for instance
	 * @return the link's target as written, {@code null} when there is none
	 */
	public static @Nullable String find(List<String> headers, String relation) {
		for (String header : headers) {
			int at = 0;
			while (at < header.length()) {
				int open = header.indexOf('<', at);
				int close = (open >= 0) ? header.indexOf('>', open) : -1;
				if (close < 0) {
					break;
				}
				String target = header.substring(open + 1, close);
				int end = nextLink(header, close + 1);
				if (hasRelation(header.substring(close + 1, end), relation)) {
					return target;
				}
				at = end + 1;
			}
		}
		return null;
	}

	/**
	 * The index of the comma that ends a link's parameters (outside quotes), or the
	 * header's length.
	 */
	private static int nextLink(String header, int from) {
		boolean quoted = false;
		for (int i = from; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				return i;
			}
		}
		return header.length();
	}

	private static boolean hasRelation(String parameters, String relation) {
		for (String parameter : parameters.split(";")) {
			int equals = parameter.indexOf('=');
			if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("rel")) {
				continue;
			}
			String value = parameter.substring(equals + 1).trim();
			if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
				value = value.substring(1, value.length() - 1);
			}
			// A rel may hold several space-separated relation types.
			for (String type : value.split("\\s+")) {
				if (type.toLowerCase(Locale.ROOT).equals(relation)) {
					return true;
				}
			}
		}
		return false;
	}

}
