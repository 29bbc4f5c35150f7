package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.apiorm.Pagination;
import dev.apiorm.dialect.DeclaredFilters;
import dev.apiorm.dialect.builtin.DialectSettings;
import dev.apiorm.exception.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The defaults are those the README documents, written here as literals (never read from
 * the code's {@code DEFAULTS}); every wrong value is refused naming the property of the
 * client it belongs to; secrets never show.
 */
class ApiClientSettingsTests {

	private static final URI API = URI.create("https://api.example.com/v1");

	@Test
	void theDefaultsAreTheDocumentedOnes() {
		ApiClientSettings settings = ApiClientSettings.defaults("default", API);
		assertThat(settings.token()).isNull();
		assertThat(settings.headers().authScheme()).isEqualTo("Bearer");
		assertThat(settings.headers().userAgent()).startsWith("api-orm");
		assertThat(settings.headers().defaultHeaders()).isEmpty();
		assertThat(settings.http().http2()).isFalse();
		assertThat(settings.http().timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.http().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.http().deadline()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.http().maxResponseSize()).isEqualTo(16 * 1024 * 1024);
		assertThat(settings.http().maxConcurrency()).isNull();
		assertThat(settings.http().compression()).isFalse();
		assertThat(settings.http().redirects()).isEqualTo(ApiClientSettings.Redirects.SAME_ORIGIN);
		assertThat(settings.paging().pageSize()).isEqualTo(100);
		assertThat(settings.paging().pagination()).isEqualTo(Pagination.LIMIT_OFFSET);
		assertThat(settings.paging().maxListRecords()).isEqualTo(100_000);
		assertThat(settings.checks().verifyResults()).isTrue();
		assertThat(settings.writes().saveChangedFields()).isTrue();
		assertThat(settings.writes().optimisticLocking()).isTrue();
		assertThat(settings.writes().bulkConcurrency()).isEqualTo(4);
	}

	@Test
	void thePoolAndRetryDefaultsAreTheDocumentedOnes() {
		ApiClientSettings settings = ApiClientSettings.defaults("default", API);
		assertThat(settings.pool().maxConnections()).isEqualTo(100);
		assertThat(settings.pool().maxIdleConnections()).isEqualTo(20);
		assertThat(settings.pool().maxIdleTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.pool().pendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.pool().maxPendingAcquires()).isEqualTo(-1);
		assertThat(settings.pool().metrics()).isFalse();
		assertThat(settings.retry().maxAttempts()).isEqualTo(3);
		assertThat(settings.retry().initialBackoff()).isEqualTo(Duration.ofMillis(200));
		assertThat(settings.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.retry().maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.retry().methods()).containsExactlyInAnyOrder("GET", "HEAD", "PUT", "DELETE");
		assertThat(settings.retry().idempotencyKeyHeader()).isNull();
	}

	@Test
	void theDialectDefaultsAreTheDocumentedOnes() {
		DialectSettings dialect = ApiClientSettings.defaults("default", API).dialect();
		assertThat(dialect.name()).isEqualTo("drf");
		assertThat(dialect.drfNegationSuffix()).isNull();
		assertThat(dialect.springPage()).isEqualTo(new DeclaredFilters(List.of("exact"), "{field}_{lookup}", Map.of()));
		assertThat(dialect.springDataRest()).isEqualTo(new DeclaredFilters(List.of(), "{field}_{lookup}", Map.of()));
		assertThat(dialect.jsonapi())
			.isEqualTo(new DeclaredFilters(List.of("exact"), "filter[{field}][{lookup}]", Map.of()));
	}

	@Test
	void withersChangeOneValueOfACopy() {
		HttpSettings http = HttpSettings.DEFAULTS.withTimeout(Duration.ofSeconds(3));
		assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(http.withTimeout(Duration.ofSeconds(30))).isEqualTo(HttpSettings.DEFAULTS);
		assertThat(HttpSettings.DEFAULTS.timeout()).isEqualTo(Duration.ofSeconds(30));
		ApiClientSettings.Retry retry = ApiClientSettings.Retry.DEFAULTS.withMethods(Set.of(" get", "Put "));
		assertThat(retry.methods()).containsExactlyInAnyOrder("GET", "PUT");
		assertThat(retry.maxAttempts()).isEqualTo(3);
	}

	@Test
	void wrongValuesNameThePropertyOfTheirClient() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("default", (options) -> options.withPaging(options.paging().withPageSize(0))))
			.withMessage("Invalid value '0' for api-orm.page-size: must be positive");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(
					() -> settings("billing", (options) -> options.withHttp(options.http().withTimeout(Duration.ZERO))))
			.withMessage("Invalid value 'PT0S' for api-orm.clients.billing.timeout: must be a positive duration");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.defaults("billing", URI.create("ftp://files.example.com")))
			.withMessageStartingWith("Invalid value 'ftp://files.example.com' for api-orm.clients.billing.base-url");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("default",
					(options) -> options
						.withPool(new ApiClientSettings.Pool(0, 1, Duration.ZERO, Duration.ZERO, -1, false))))
			.withMessage("Invalid value '0' for api-orm.pool.max-connections: must be positive");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new ApiClientSettings("default", null, null, ApiClientOptions.DEFAULTS))
			.withMessage("api-orm.base-url is required");
	}

	@Test
	void headerNamesAndValuesAreCheckedNamingThePropertyWithoutShowingTheValue() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("default",
					(options) -> options.withHeaders(options.headers().withDefaultHeaders(Map.of("X Tenant", "a")))))
			.withMessageContaining("api-orm.default-headers")
			.withMessageContaining("must be an HTTP token");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("billing",
					(options) -> options
						.withHeaders(options.headers().withDefaultHeaders(Map.of("X-Key", "s3cret\r\nX-Evil: 1")))))
			.withMessageContaining("api-orm.clients.billing.default-headers.X-Key")
			.withMessageContaining("line break")
			.withMessageNotContaining("s3cret");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("default",
					(options) -> options
						.withHeaders(options.headers().withDefaultHeaders(Map.of("X-Key", "a\u0000b")))))
			.withMessageContaining("api-orm.default-headers.X-Key")
			.withMessageContaining("U+0000");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("default",
					(options) -> options.withHeaders(options.headers().withUserAgent("shop/1\nX-Evil: 1"))))
			.withMessageContaining("api-orm.user-agent");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("default",
					(options) -> options.withHeaders(options.headers().withAuthScheme("Bearer token"))))
			.withMessageContaining("api-orm.auth-scheme");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> settings("default",
					(options) -> options
						.withRetry(options.retry().withIdempotencyKeyHeader("Idempotency-Key\r\nX: 1"))))
			.withMessageContaining("api-orm.retry.idempotency-key-header")
			.withMessageContaining("must be an HTTP token");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.defaults("default", API).withToken("t0ken\r\nX-Evil: 1"))
			.withMessageContaining("api-orm.token")
			.withMessageNotContaining("t0ken");
	}

	@Test
	void validHeadersAreKept() {
		ApiClientSettings settings = settings("default",
				(options) -> options.withHeaders(options.headers()
					.withUserAgent("shop/1.2 (+https://shop.example.com; caf\u00e9)")
					.withDefaultHeaders(Map.of("X-Tenant", "acme\tblue"))));
		assertThat(settings.headers().defaultHeaders()).containsEntry("X-Tenant", "acme\tblue");
		assertThat(settings.headers().userAgent()).isEqualTo("shop/1.2 (+https://shop.example.com; caf\u00e9)");
	}

	@Test
	void aPasswordInTheBaseUrlAndTheTokenNeverShow() {
		ApiClientSettings settings = ApiClientSettings
			.defaults("default", URI.create("https://user:pa55word@api.example.com:8443/v1?key=k#f"))
			.withToken("t0ken");
		assertThat(settings.displayUrl()).isEqualTo("https://api.example.com:8443/v1");
		assertThat(settings.toString()).doesNotContain("pa55word", "t0ken", "key=k").contains("token=******");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> ApiClientSettings.defaults("default", URI.create("ftp://u:pa55word@x.example.com")))
			.withMessageNotContaining("pa55word");
	}

	@Test
	void aBlankTokenIsNoToken() {
		assertThat(ApiClientSettings.defaults("default", API).withToken("  ").token()).isNull();
	}

	private static ApiClientSettings settings(String name, java.util.function.UnaryOperator<ApiClientOptions> change) {
		return new ApiClientSettings(name, API, null, change.apply(ApiClientOptions.DEFAULTS));
	}

}
