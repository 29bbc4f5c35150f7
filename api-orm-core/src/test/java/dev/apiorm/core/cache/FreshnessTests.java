package dev.apiorm.core.cache;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Freshness}.
 */
class FreshnessTests {

	private static HttpHeaders headers(String... pairs) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < pairs.length; i += 2) {
			headers.add(pairs[i], pairs[i + 1]);
		}
		return headers;
	}

	private static long lifetime(HttpHeaders headers) {
		return Freshness.of(headers).lifetimeMillis(headers);
	}

	@Test
	void maxAgeLessTheAgeItArrivedWith() {
		assertThat(lifetime(headers("Cache-Control", "private, max-age=60", "Age", "15"))).isEqualTo(45_000);
	}

	@Test
	void conflictingMaxAgesTakeTheShortest() {
		assertThat(lifetime(headers("Cache-Control", "max-age=60", "Cache-Control", "max-age=\"20\"")))
			.isEqualTo(20_000);
	}

	@Test
	void maxAgeThatCannotBeReadIsStale() {
		assertThat(lifetime(headers("Cache-Control", "max-age=soon"))).isZero();
	}

	@Test
	void expiresCountsFromTheDate() {
		assertThat(
				lifetime(headers("Date", "Tue, 01 Dec 2026 10:00:00 GMT", "Expires", "Tue, 01 Dec 2026 10:02:00 GMT")))
			.isEqualTo(120_000);
	}

	@Test
	void expiresThatCannotBeReadIsInThePast() {
		assertThat(lifetime(headers("Date", "Tue, 01 Dec 2026 10:00:00 GMT", "Expires", "0"))).isZero();
	}

	@Test
	void maxAgeWinsOverExpires() {
		assertThat(lifetime(headers("Cache-Control", "max-age=5", "Date", "Tue, 01 Dec 2026 10:00:00 GMT", "Expires",
				"Tue, 01 Dec 2026 11:00:00 GMT")))
			.isEqualTo(5_000);
	}

	@Test
	void noCacheIsNeverFreshButStorable() {
		HttpHeaders headers = headers("Cache-Control", "no-cache, max-age=60", "ETag", "\"a\"");
		assertThat(lifetime(headers)).isZero();
		assertThat(Freshness.of(headers).storable(headers)).isTrue();
	}

	@Test
	void storableNeedsFreshnessOrAValidatorAndNeitherNoStoreNorVaryStar() {
		HttpHeaders fresh = headers("Cache-Control", "max-age=1");
		HttpHeaders validated = headers("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
		HttpHeaders neither = headers("Content-Type", "application/json");
		HttpHeaders noStore = headers("Cache-Control", "max-age=60, no-store");
		HttpHeaders varyStar = headers("Cache-Control", "max-age=60", "Vary", "Accept, *");
		assertThat(Freshness.of(fresh).storable(fresh)).isTrue();
		assertThat(Freshness.of(validated).storable(validated)).isTrue();
		assertThat(Freshness.of(neither).storable(neither)).isFalse();
		assertThat(Freshness.of(noStore).storable(noStore)).isFalse();
		assertThat(Freshness.of(varyStar).storable(varyStar)).isFalse();
	}

}
