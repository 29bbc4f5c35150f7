package dev.apiorm.core.cache;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * Reads what a response's headers say about keeping it, for a private cache (RFC 9111):
 * whether it may be stored, and for how long it is fresh. Read once, when the response is
 * stored or revalidated, never when it is served.
 *
 * @param noStore {@code no-store}: never kept
 * @param noCache {@code no-cache}: kept, but revalidated before every use
 * @param maxAge {@code max-age} in seconds, {@code -1} when absent, {@code 0} when it
 * cannot be read (a stale answer, as RFC 9111 asks)
 */
record Freshness(boolean noStore, boolean noCache, long maxAge) {

	static Freshness of(HttpHeaders headers) {
		boolean noStore = false;
		boolean noCache = false;
		long maxAge = -1;
		for (String directive : headers.getValuesAsList(HttpHeaders.CACHE_CONTROL)) {
			int equals = directive.indexOf('=');
			String name = ((equals < 0) ? directive : directive.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
			switch (name) {
				case "no-store" -> noStore = true;
				// A qualified no-cache="field" may be taken as unqualified by a private
				// cache.
				case "no-cache" -> noCache = true;
				case "max-age" -> {
					long seconds = seconds((equals < 0) ? "" : directive.substring(equals + 1));
					// Of conflicting directives, the most restrictive.
					maxAge = (maxAge < 0) ? seconds : Math.min(maxAge, seconds);
				}
				default -> {
					// private, public, must-revalidate and the rest change nothing for a
					// private cache that never serves a stale answer.
				}
			}
		}
		return new Freshness(noStore, noCache, maxAge);
	}

	private static long seconds(String value) {
		String digits = value.trim();
		if (digits.length() > 1 && digits.startsWith("\"") && digits.endsWith("\"")) {
			digits = digits.substring(1, digits.length() - 1);
		}
		try {
			return Math.max(0, Long.parseLong(digits));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Whether a response with these headers may be kept: not {@code no-store}, not
	 * {@code Vary: *}, and either fresh for a while or revalidatable.
	 * @param headers the response's headers
	 * @return whether it may be stored
	 */
	boolean storable(HttpHeaders headers) {
		if (this.noStore || varyNames(headers).contains("*")) {
			return false;
		}
		return lifetimeMillis(headers) > 0 || hasValidator(headers);
	}

	/**
	 * How long, from its receipt, a response stays fresh: its {@code max-age}, else its
	 * {@code Expires} after its {@code Date}, less the {@code Age} it arrived with; 0
	 * with {@code no-cache} or without either (no heuristic freshness: such an answer is
	 * revalidated before every use).
	 * @param headers the response's headers
	 * @return the milliseconds it is fresh for, 0 for none
	 */
	long lifetimeMillis(HttpHeaders headers) {
		if (this.noCache) {
			return 0;
		}
		long lifetime;
		if (this.maxAge >= 0) {
			lifetime = this.maxAge * 1000;
		}
		else if (headers.containsHeader(HttpHeaders.EXPIRES)) {
			long expires = date(headers, HttpHeaders.EXPIRES);
			long date = date(headers, HttpHeaders.DATE);
			// An Expires that cannot be read is in the past (RFC 9111, 5.3).
			lifetime = (expires < 0 || date < 0) ? 0 : expires - date;
		}
		else {
			return 0;
		}
		return Math.max(0, lifetime - age(headers) * 1000);
	}

	private static long date(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return -1;
		}
		try {
			return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return -1;
		}
	}

	private static long age(HttpHeaders headers) {
		String age = headers.getFirst(HttpHeaders.AGE);
		if (age == null) {
			return 0;
		}
		try {
			return Math.max(0, Long.parseLong(age.trim()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static boolean hasValidator(HttpHeaders headers) {
		return headers.getETag() != null || headers.getFirst(HttpHeaders.LAST_MODIFIED) != null;
	}

	static List<String> varyNames(HttpHeaders headers) {
		return headers.getValuesAsList(HttpHeaders.VARY)
			.stream()
			.map((name) -> name.trim().toLowerCase(Locale.ROOT))
			.filter((name) -> !name.isEmpty())
			.toList();
	}

}
