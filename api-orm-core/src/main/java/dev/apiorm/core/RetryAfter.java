package dev.apiorm.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header (RFC 9110, section 10.2.3) defensively: delay
 * seconds or an HTTP-date, whatever a server writes. A value that is neither (a negative
 * number, a fraction, garbage) is no advice at all; a number of seconds too large for a
 * {@code long} is the longest wait there is, so that it is never waited for; a date in
 * the past means now. The result is never negative and never throws.
 */
final class RetryAfter {

	/** The longest wait a header can ask for. */
	static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

	private RetryAfter() {
	}

	/**
	 * The wait a header asks for.
	 * @param header the header's value, {@code null} when absent
	 * @param now the time the response arrived
	 * @return the wait, {@code null} when the header is absent or not a valid value
	 */
	static @Nullable Duration parse(@Nullable String header, Instant now) {
		if (header == null) {
			return null;
		}
		String value = header.trim();
		if (value.isEmpty()) {
			return null;
		}
		if (isDigits(value)) {
			// Up to 18 digits always fit a long.
			return (value.length() <= 18) ? Duration.ofSeconds(Long.parseLong(value)) : FOREVER;
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean isDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
