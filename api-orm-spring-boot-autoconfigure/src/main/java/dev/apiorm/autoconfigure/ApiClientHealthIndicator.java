package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.apiorm.core.ReactiveApiOperations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The health of one API client: a {@code GET} to its health path, UP with the latency
 * when the API answers below 400, DOWN with the status or the connection error otherwise,
 * within its own timeout so that an unreachable API never hangs the health endpoint.
 * Details show the base URL without credentials, never the token.
 */
class ApiClientHealthIndicator implements ReactiveHealthIndicator {

	private static final Log logger = LogFactory.getLog(ApiClientHealthIndicator.class);

	private final ReactiveApiOperations operations;

	private final String path;

	private final Duration timeout;

	ApiClientHealthIndicator(ReactiveApiOperations operations, String path, Duration timeout) {
		this.operations = operations;
		this.path = path;
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return this.operations.probe(this.path)
				.timeout(this.timeout)
				.map((status) -> health(status, Duration.ofNanos(System.nanoTime() - start)))
				.onErrorResume((failure) -> {
					logger.warn("api-orm client at " + this.operations.getSettings().displayUrl() + " is DOWN: "
							+ reason(failure));
					return Mono.just(details(Health.down()).withDetail("error", reason(failure)).build());
				});
		});
	}

	private Health health(int status, Duration latency) {
		if (status >= 400) {
			logger.warn("api-orm client at " + this.operations.getSettings().displayUrl() + " is DOWN: HTTP " + status);
		}
		Health.Builder builder = (status < 400) ? Health.up() : Health.down().withDetail("error", "HTTP " + status);
		return details(builder).withDetail("status", status).withDetail("latency", latency.toMillis() + "ms").build();
	}

	private Health.Builder details(Health.Builder builder) {
		builder.withDetail("baseUrl", this.operations.getSettings().displayUrl());
		if (!this.path.isEmpty()) {
			builder.withDetail("path", this.path);
		}
		return builder;
	}

	private String reason(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "no answer within " + this.timeout.toMillis() + "ms";
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
