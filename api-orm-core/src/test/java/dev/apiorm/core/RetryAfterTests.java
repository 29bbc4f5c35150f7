package dev.apiorm.core;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Retry-After} read defensively: seconds, HTTP-dates, and whatever else a server
 * writes.
 */
class RetryAfterTests {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	@Test
	void delaySecondsAndHttpDatesAreWaits() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("Thu, 03 Dec 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void aDateInThePastIsNow() {
		assertThat(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void aDateFarInTheFutureIsALongWaitNotAnOverflow() {
		Duration wait = RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW);
		assertThat(wait).isGreaterThan(Duration.ofDays(365L * 7900));
	}

	@Test
	void secondsTooLargeForALongAreTheLongestWait() {
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
		assertThat(RetryAfter.parse("999999999999999999", NOW)).isEqualTo(Duration.ofSeconds(999999999999999999L));
	}

	@Test
	void negativeFractionalAndGarbageValuesAreNoAdvice() {
		for (String value : new String[] { "-30", "1.5", "+5", "soon", "", "  ", "0x10", "Thu, 32 Dec 2026" }) {
			assertThat(RetryAfter.parse(value, NOW)).as(value).isNull();
		}
		assertThat(RetryAfter.parse(null, NOW)).isNull();
	}

}
