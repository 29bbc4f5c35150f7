package dev.apiorm.core.ratelimit;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit headers of a successful response: a pause only when nothing is left and
 * the reset is in the future; anything unreadable is ignored.
 */
class RateLimitSignalsTests {

	private static final long NOW = Instant.parse("2026-12-03T12:00:00Z").toEpochMilli();

	@Test
	void structuredRateLimitWithNothingRemainingPausesUntilTheReset() {
		assertThat(pause("RateLimit", "\"default\";r=0;t=30")).isEqualTo(Duration.ofSeconds(30));
		// One item of several spent: the longest spent one counts.
		assertThat(pause("RateLimit", "\"burst\";r=5;t=1, \"day\";r=0;t=600, \"hour\";r=0;t=60"))
			.isEqualTo(Duration.ofSeconds(600));
	}

	@Test
	void structuredRateLimitWithRequestsLeftPausesNothing() {
		assertThat(pause("RateLimit", "\"default\";r=1;t=30")).isNull();
		assertThat(pause("RateLimit", "\"default\";r=0;t=0")).isNull();
		assertThat(pause("RateLimit", "\"default\";t=30")).isNull();
	}

	@Test
	void olderRateLimitMembersAndPairsAreRead() {
		assertThat(pause("RateLimit", "limit=100, remaining=0, reset=12")).isEqualTo(Duration.ofSeconds(12));
		HttpHeaders pair = new HttpHeaders();
		pair.add("RateLimit-Remaining", "0");
		pair.add("RateLimit-Reset", "7");
		assertThat(RateLimitSignals.pause(pair, NOW)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void xRateLimitResetIsSecondsFromNowOrAUnixTime() {
		assertThat(xRateLimit("0", "20")).isEqualTo(Duration.ofSeconds(20));
		// GitHub: the Unix time in seconds of the reset, 45 s from now.
		assertThat(xRateLimit("0", String.valueOf(NOW / 1000 + 45))).isEqualTo(Duration.ofSeconds(45));
		// In milliseconds, 9 s from now.
		assertThat(xRateLimit("0", String.valueOf(NOW + 9_000))).isEqualTo(Duration.ofSeconds(9));
		assertThat(xRateLimit("3", "20")).isNull();
		// A reset in the past is no pause.
		assertThat(xRateLimit("0", String.valueOf(NOW / 1000 - 45))).isNull();
	}

	@Test
	void unreadableValuesAreIgnored() {
		assertThat(xRateLimit("0", "-5")).isNull();
		assertThat(xRateLimit("0", "soon")).isNull();
		assertThat(xRateLimit("zero", "20")).isNull();
		assertThat(xRateLimit("0", "99999999999999999999999")).isNull();
		assertThat(pause("RateLimit", "\"default\";r=0;t=1e9")).isNull();
		assertThat(pause("RateLimit", ";;==,,")).isNull();
		assertThat(RateLimitSignals.pause(new HttpHeaders(), NOW)).isNull();
	}

	@Test
	void anAbsurdResetIsCutToADay() {
		assertThat(pause("RateLimit", "\"default\";r=0;t=999999999")).isEqualTo(Duration.ofDays(1));
	}

	private static Duration pause(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		return RateLimitSignals.pause(headers, NOW);
	}

	private static Duration xRateLimit(String remaining, String reset) {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-RateLimit-Remaining", remaining);
		headers.add("X-RateLimit-Reset", reset);
		return RateLimitSignals.pause(headers, NOW);
	}

}
