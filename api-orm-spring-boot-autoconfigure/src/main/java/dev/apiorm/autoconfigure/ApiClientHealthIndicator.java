package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.apiorm.core.ReactiveApiOperations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The health of one API client: a {@code GET} to its health path, UP with the latency
 * when the API answers below 400, DOWN with the status or the connection error otherwise,
 * within its own timeout so that an unreachable API never hangs the health endpoint.
 * Details show the base URL without credentials, never the token. The result is reused
 * for a time to live ({@code api-orm.health.cache-ttl}), so that frequent health calls (a
 * load balancer's, Kubernetes' probes) do not each send an authenticated request
 * upstream; calls that arrive while a check is in flight share it.
 */
class ApiClientHealthIndicator implements ReactiveHealthIndicator {

	private static final Log logger = LogFactory.getLog(ApiClientHealthIndicator.class);

	private final ReactiveApiOperations operations;

	private final String path;

	private final Duration timeout;

	private final Mono<Health> health;

	ApiClientHealthIndicator(ReactiveApiOperations operations, String path, Duration timeout, Duration cacheTtl) {
		this(operations, path, timeout, cacheTtl, Schedulers.parallel());
	}

	/**
	 * An indicator whose cache expires on a given clock.
	 * @param clock the scheduler the time to live is measured on
	 */
	ApiClientHealthIndicator(ReactiveApiOperations operations, String path, Duration timeout, Duration cacheTtl,
			Scheduler clock) {
		this.operations = operations;
		this.path = path;
		this.timeout = timeout;
		Mono<Health> probe = probe();
		this.health = cacheTtl.isZero() ? probe : probe.cache(cacheTtl, clock);
	}

	@Override
	public Mono<Health> health() {
		return this.health;
	}

	private Mono<Health> probe() {
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
