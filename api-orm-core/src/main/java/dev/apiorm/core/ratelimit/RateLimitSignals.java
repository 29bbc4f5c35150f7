package dev.apiorm.core.ratelimit;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads, from a successful response's headers, whether the API says its budget is spent
 * and for how long: the IETF {@code RateLimit} header (the structured form
 * {@code "default";r=0;t=30}, and the older {@code remaining=0, reset=30}), the older
 * pair {@code RateLimit-Remaining} / {@code RateLimit-Reset}, and the common
 * {@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset} (a reset in seconds from now,
 * or a Unix time in seconds or milliseconds, as GitHub sends). Only a remaining of 0 with
 * a reset in the future is a pause; {@code RateLimit-Policy} describes the quota, not
 * what is left, and pauses nothing. A value that cannot be read is ignored.
 */
final class RateLimitSignals {

	/** Resets above this are Unix times in seconds (2001-09-09), not seconds from now. */
	private static final long UNIX_SECONDS = 1_000_000_000L;

	/** Resets above this are Unix times in milliseconds. */
	private static final long UNIX_MILLIS = 100_000_000_000L;

	private RateLimitSignals() {
	}

	/**
	 * The pause a response asks for.
	 * @param headers the response's headers
	 * @param nowMillis the time now, in milliseconds since the epoch
	 * @return the pause, {@code null} when the API leaves requests
	 */
	static @Nullable Duration pause(HttpHeaders headers, long nowMillis) {
		Duration pause = null;
		List<String> rateLimit = headers.get("RateLimit");
		if (rateLimit != null) {
			for (String value : rateLimit) {
				pause = longer(pause, fromRateLimit(value));
			}
		}
		pause = longer(pause, fromPair(headers, "RateLimit-Remaining", "RateLimit-Reset", nowMillis));
		return longer(pause, fromPair(headers, "X-RateLimit-Remaining", "X-RateLimit-Reset", nowMillis));
	}

	/**
	 * The pause of one {@code RateLimit} header: a list of items, each with parameters
	 * {@code r} (remaining) and {@code t} (seconds to reset), or the older
	 * {@code remaining=} and {@code reset=} members.
	 */
	private static @Nullable Duration fromRateLimit(String value) {
		Duration pause = null;
		Long olderRemaining = null;
		Long olderReset = null;
		for (String item : value.split(",")) {
			Long remaining = null;
			Long reset = null;
			for (String part : item.split(";")) {
				int equals = part.indexOf('=');
				if (equals < 0) {
					continue;
				}
				String name = part.substring(0, equals).trim();
				Long number = number(part.substring(equals + 1));
				switch (name) {
					case "r" -> remaining = number;
					case "t" -> reset = number;
					case "remaining" -> olderRemaining = number;
					case "reset" -> olderReset = number;
					default -> {
					}
				}
			}
			pause = longer(pause, spent(remaining, reset));
		}
		return longer(pause, spent(olderRemaining, olderReset));
	}

	private static @Nullable Duration fromPair(HttpHeaders headers, String remainingHeader, String resetHeader,
			long nowMillis) {
		Long remaining = number(headers.getFirst(remainingHeader));
		Long reset = number(headers.getFirst(resetHeader));
		if (reset != null && reset > UNIX_MILLIS) {
			reset = (reset - nowMillis) / 1000;
		}
		else if (reset != null && reset > UNIX_SECONDS) {
			reset = reset - nowMillis / 1000;
		}
		return spent(remaining, reset);
	}

	private static @Nullable Duration spent(@Nullable Long remaining, @Nullable Long resetSeconds) {
		if (remaining == null || remaining != 0 || resetSeconds == null || resetSeconds <= 0) {
			return null;
		}
		// Beyond a day is absurd for a rate limit; the budget cuts it to max-pause
		// anyway.
		return Duration.ofSeconds(Math.min(resetSeconds, 86_400));
	}

	private static @Nullable Long number(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.isEmpty() || trimmed.length() > 18) {
			return null;
		}
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return Long.parseLong(trimmed);
	}

	private static @Nullable Duration longer(@Nullable Duration a, @Nullable Duration b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.compareTo(b) >= 0) ? a : b;
	}

}
