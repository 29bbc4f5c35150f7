package dev.apiorm.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import dev.apiorm.core.mapping.ApiEntityCodec;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.fixtures.Profile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the change tracker keeps of a value: equal values share a fingerprint, different
 * ones do not.
 */
class ValueFingerprintTests {

	private final ApiEntityCodec<Profile> codec = new ApiMappingContext().getRequiredEntity(Profile.class).getCodec();

	@Test
	void equalValuesShareAFingerprint() {
		assertSame("Ann", new String("Ann".toCharArray()));
		assertSame(30, Integer.valueOf(30));
		assertSame(1_000_000L, Long.valueOf(1_000_000L));
		assertSame(new BigDecimal("1.50"), new BigDecimal("1.50"));
		assertSame(LocalDate.of(2026, 1, 2), LocalDate.parse("2026-01-02"));
		assertSame(new UUID(1, 2), UUID.fromString("00000000-0000-0001-0000-000000000002"));
		assertSame(List.of("a", "b"), new ArrayList<>(List.of("a", "b")));
		assertSame(Map.of("x", 1, "y", List.of("z")), ordered("y", List.of("z"), "x", 1));
	}

	@Test
	void differentValuesDoNot() {
		assertDifferent("Ann", "Anne");
		assertDifferent("", null);
		assertDifferent("null", null);
		assertDifferent(1, 1L);
		assertDifferent(1, "1");
		assertDifferent(true, "true");
		assertDifferent(0.1, 0.1f);
		assertDifferent(new BigDecimal("1.5"), new BigDecimal("1.50"));
		assertDifferent(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
				OffsetDateTime.of(2026, 1, 2, 4, 4, 5, 0, ZoneOffset.ofHours(1)));
		assertDifferent(HttpMethod.GET, "GET");
		assertDifferent(List.of("a", "b"), List.of("b", "a"));
		assertDifferent(List.of("ab", "c"), List.of("a", "bc"));
		assertDifferent(List.of(List.of()), List.of());
		assertDifferent(Map.of("a", 1), Map.of("a", "1"));
		assertDifferent(Map.of("a", Map.of("b", 1)), Map.of("a", Map.of("b", 2)));
		assertDifferent(Map.of("a", 1, "b", 2), Map.of("a", 2, "b", 1));
	}

	@Test
	void aMillionDifferentStringsHaveAMillionFingerprints() {
		// 32 bits would make about a hundred of them collide.
		Set<Long> fingerprints = new HashSet<>();
		for (int i = 0; i < 1_000_000; i++) {
			fingerprints.add(ValueFingerprint.of("u" + i, this.codec));
		}
		assertThat(fingerprints).hasSize(1_000_000);
	}

	private void assertSame(Object first, Object second) {
		assertThat(ValueFingerprint.of(first, this.codec)).as("%s and %s", first, second)
			.isEqualTo(ValueFingerprint.of(second, this.codec));
	}

	private void assertDifferent(Object first, Object second) {
		assertThat(ValueFingerprint.of(first, this.codec)).as("%s and %s", first, second)
			.isNotEqualTo(ValueFingerprint.of(second, this.codec));
	}

	private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key1, value1);
		map.put(key2, value2);
		return map;
	}

}
