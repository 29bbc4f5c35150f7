package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.apiorm.exception.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A rate budget that cannot work fails when the client is configured, naming the property
 * of the client it belongs to.
 */
class RateLimitSettingsTests {

	private static final URI API = URI.create("https://api.example.com/");

	@Test
	void offByDefaultAndOnWithALimit() {
		assertThat(RateLimitSettings.DEFAULTS.enabled()).isFalse();
		assertThat(RateLimitSettings.DEFAULTS.withLimit(3).enabled()).isTrue();
		assertThat(RateLimitSettings.DEFAULTS.keyOf("billing")).isEqualTo("billing");
		assertThat(RateLimitSettings.DEFAULTS.withKey(" partner ").keyOf("billing")).isEqualTo("partner");
		assertThat(RateLimitSettings.DEFAULTS.withKey(" ").keyOf("billing")).isEqualTo("billing");
	}

	@Test
	void wrongValuesNameTheirProperty() {
		assertInvalid("default", RateLimitSettings.DEFAULTS.withLimit(-1), "api-orm.rate-limit.limit");
		assertInvalid("default", RateLimitSettings.DEFAULTS.withLimit(5).withPeriod(Duration.ZERO),
				"api-orm.rate-limit.period");
		assertInvalid("billing", RateLimitSettings.DEFAULTS.withBurst(0), "api-orm.clients.billing.rate-limit.burst");
		assertInvalid("billing", RateLimitSettings.DEFAULTS.withMaxPause(Duration.ofSeconds(-1)),
				"api-orm.clients.billing.rate-limit.max-pause");
		assertInvalid("default", RateLimitSettings.DEFAULTS.withKey("a\r\nb"), "api-orm.rate-limit.key");
	}

	private static void assertInvalid(String client, RateLimitSettings rateLimit, String property) {
		ApiClientOptions options = ApiClientOptions.DEFAULTS.withRateLimit(rateLimit);
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new ApiClientSettings(client, API, null, options))
			.withMessageContaining(property);
	}

}
