package dev.apiorm.core.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.RateLimitSettings;
import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;

/**
 * Enforces a client's rate budget ({@code api-orm.rate-limit.*}) before each attempt
 * leaves: the attempt takes a permit, waiting for it (without blocking a thread) when
 * none is left; a wait that would end after the call's deadline fails the call at once
 * with an {@link ApiTimeoutException}, which is not retried. Per attempt, after the
 * application's attempt policies and before the concurrency limit, so that a retry takes
 * a permit too and a waiting attempt holds no connection permit.
 * <p>
 * The API's own signals pause the budget for every instance that shares it: the
 * {@code Retry-After} of a 429 or 503, and the rate limit headers of a successful
 * response that say nothing is left ({@link RateLimitSignals}).
 * <p>
 * Meters, tagged {@code client}: {@code api.orm.rate-limit.wait} (a timer: one per
 * permit, the time from asking to holding it), {@code api.orm.rate-limit.refused} (waits
 * that would have passed the deadline) and {@code api.orm.rate-limit.pauses} (signals of
 * the API that paused the budget).
 */
public final class RateLimitPolicy implements ExchangePolicy {

	private static final Log logger = LogFactory.getLog(RateLimitPolicy.class);

	private final RateBudget budget;

	private final String description;

	private final @Nullable Timer waits;

	private final @Nullable Counter refused;

	private final @Nullable Counter pauses;

	/**
	 * The policy of one client.
	 * @param client the client's settings, with a rate limit
	 * @param budget its budget
	 * @param registry where the meters go, {@code null} for none
	 */
	public RateLimitPolicy(ApiClientSettings client, RateBudget budget, @Nullable MeterRegistry registry) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(budget, "budget must not be null");
		RateLimitSettings settings = client.options().rateLimit();
		Assert.isTrue(settings.enabled(), "the client must have a rate limit");
		this.budget = budget;
		this.description = settings.limit() + " per " + settings.period() + " ("
				+ ApiClientSettings.propertyPrefix(client.name()) + "rate-limit.*)";
		if (registry != null) {
			this.waits = Timer.builder("api.orm.rate-limit.wait")
				.description("Time from asking for a permit of the rate budget to holding it")
				.tag("client", client.name())
				.register(registry);
			this.refused = Counter.builder("api.orm.rate-limit.refused")
				.description("Permits not waited for because the wait would pass the call's deadline")
				.tag("client", client.name())
				.register(registry);
			this.pauses = Counter.builder("api.orm.rate-limit.pauses")
				.description("Signals of the API (Retry-After, RateLimit headers) that paused the rate budget")
				.tag("client", client.name())
				.register(registry);
		}
		else {
			this.waits = null;
			this.refused = null;
			this.pauses = null;
		}
	}

	@Override
	public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
		return Mono.defer(() -> {
			long asked = System.nanoTime();
			Duration left = request.timeLeft();
			return this.budget.acquire(left).flatMap((held) -> {
				if (!held) {
					if (this.refused != null) {
						this.refused.increment();
					}
					return Mono.error(tooLong(request, left));
				}
				if (this.waits != null) {
					this.waits.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
				}
				return next.exchange(request).doOnNext(this::readSignals).doOnError(this::readRetryAfter);
			});
		});
	}

	private void readSignals(ExchangeResponse response) {
		if (response.headers().isEmpty()) {
			return;
		}
		Duration pause = RateLimitSignals.pause(response.headers(), System.currentTimeMillis());
		if (pause != null) {
			pause(pause, "its rate limit headers say nothing is left");
		}
	}

	private void readRetryAfter(Throwable failure) {
		Duration retryAfter = null;
		if (failure instanceof TooManyRequestsException tooMany) {
			retryAfter = tooMany.retryAfter().orElse(null);
		}
		else if (failure instanceof ServiceUnavailableException unavailable) {
			retryAfter = unavailable.retryAfter().orElse(null);
		}
		if (retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
			pause(retryAfter,
					"it answered " + ((failure instanceof TooManyRequestsException) ? 429 : 503) + " with Retry-After");
		}
	}

	private void pause(Duration pause, String why) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rate budget " + this.description + " paused for " + pause + ": the API asked (" + why + ")");
		}
		if (this.pauses != null) {
			this.pauses.increment();
		}
		this.budget.pause(pause);
	}

	private ApiTimeoutException tooLong(ExchangeRequest request, Duration left) {
		Duration deadline = request.deadline();
		return new ApiTimeoutException(
				request + " would wait for a permit of its rate budget, " + this.description + ", beyond its deadline ("
						+ left.toMillis() + " ms left of " + deadline + ")",
				(deadline != null) ? deadline : left, null);
	}

}
