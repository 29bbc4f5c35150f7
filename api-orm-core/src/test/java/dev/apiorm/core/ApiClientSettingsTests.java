package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.apiorm.Pagination;
import dev.apiorm.exception.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The defaults are written once, in the builder; every wrong value is refused naming the
 * property of the client it belongs to; secrets never show.
 */
class ApiClientSettingsTests {

	private static final URI API = URI.create("https://api.example.com/v1");

	@Test
	void theBuilderHoldsTheDocumentedDefaults() {
		ApiClientSettings settings = ApiClientSettings.defaults("default", API);
		assertThat(settings.token()).isNull();
		assertThat(settings.authScheme()).isEqualTo("Bearer");
		assertThat(settings.http2()).isFalse();
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.pageSize()).isEqualTo(100);
		assertThat(settings.pagination()).isEqualTo(Pagination.LIMIT_OFFSET);
		assertThat(settings.dialect()).isEqualTo("drf");
		assertThat(settings.pool()).isEqualTo(ApiClientSettings.Pool.DEFAULTS);
		assertThat(settings.maxResponseSize()).isEqualTo(16 * 1024 * 1024);
		assertThat(settings.bulkConcurrency()).isEqualTo(4);
		assertThat(settings.maxConcurrency()).isNull();
	}

	@Test
	void wrongValuesNameThePropertyOfTheirClient() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.builder("default", API).pageSize(0).build())
			.withMessage("Invalid value '0' for api-orm.page-size: must be positive");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.builder("billing", API).timeout(Duration.ZERO).build())
			.withMessage("Invalid value 'PT0S' for api-orm.clients.billing.timeout: must be a positive duration");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.builder("billing", URI.create("ftp://files.example.com")).build())
			.withMessageStartingWith("Invalid value 'ftp://files.example.com' for api-orm.clients.billing.base-url");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.builder("default", API)
				.pool(new ApiClientSettings.Pool(0, 1, Duration.ZERO, Duration.ZERO, -1, false))
				.build())
			.withMessage("Invalid value '0' for api-orm.pool.max-connections: must be positive");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.builder("default").build())
			.withMessage("api-orm.base-url is required");
	}

	@Test
	void aPasswordInTheBaseUrlAndTheTokenNeverShow() {
		ApiClientSettings settings = ApiClientSettings
			.builder("default", URI.create("https://user:pa55word@api.example.com:8443/v1?key=k#f"))
			.token("t0ken")
			.build();
		assertThat(settings.displayUrl()).isEqualTo("https://api.example.com:8443/v1");
		assertThat(settings.toString()).doesNotContain("pa55word", "t0ken", "key=k").contains("token=******");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(
					() -> ApiClientSettings.builder("default", URI.create("ftp://u:pa55word@x.example.com")).build())
			.withMessageNotContaining("pa55word");
	}

	@Test
	void aBlankTokenIsNoToken() {
		assertThat(ApiClientSettings.builder("default", API).token("  ").build().token()).isNull();
	}

}
