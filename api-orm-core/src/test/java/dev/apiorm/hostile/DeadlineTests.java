package dev.apiorm.hostile;

import java.time.Duration;
import java.util.Set;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code api-orm.timeout} bounds each attempt's whole response, however slowly it drips,
 * and {@code api-orm.deadline} bounds the whole call, retries and waits included.
 */
class DeadlineTests {

	private static final ApiClientSettings.Retry ONE_ATTEMPT = new ApiClientSettings.Retry(1, Duration.ZERO,
			Duration.ZERO, Duration.ZERO, Set.of(), null);

	private static final ApiClientSettings.Retry THREE_ATTEMPTS = new ApiClientSettings.Retry(3, Duration.ofMillis(100),
			Duration.ofMillis(100), Duration.ZERO, Set.of("GET"), null);

	@Test
	void aResponseDrippedByteByByteEndsAtTheTimeout() throws Exception {
		try (DrippingServer server = new DrippingServer("{\"id\":1,\"name\":\"Ann\"}", 100);
				ApiOrm orm = ApiOrm.builder()
					.baseUrl("http://127.0.0.1:" + server.port())
					.timeout(Duration.ofSeconds(1))
					.retry(ONE_ATTEMPT)
					.build()) {
			long start = System.nanoTime();
			ApiTimeoutException timeout = catchThrowableOfType(ApiTimeoutException.class,
					() -> orm.repository(User.class).get(1));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			// About 90 bytes at 100 ms each would take 9 s.
			assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
			assertThat(timeout.timeout()).isEqualTo(Duration.ofSeconds(1));
			assertThat(timeout.attempts()).isEqualTo(1);
			assertThat(server.requests()).isEqualTo(1);
		}
	}

	@Test
	void theDeadlineBoundsEveryAttemptAndWaitOfACall() throws Exception {
		try (DrippingServer server = new DrippingServer("{\"id\":1,\"name\":\"Ann\"}", 100);
				ApiOrm orm = ApiOrm.builder()
					.baseUrl("http://127.0.0.1:" + server.port())
					.timeout(Duration.ofSeconds(1))
					.deadline(Duration.ofMillis(1500))
					.retry(THREE_ATTEMPTS)
					.build()) {
			long start = System.nanoTime();
			ApiTimeoutException timeout = catchThrowableOfType(ApiTimeoutException.class,
					() -> orm.repository(User.class).get(1));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			// Three attempts of 1 s would take over 3 s; the deadline ends the call at
			// 1.5 s.
			assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofMillis(2800));
			assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(1500));
			assertThat(timeout).hasMessageContaining("api-orm.deadline");
			assertThat(server.requests()).isEqualTo(2);
		}
	}

}
