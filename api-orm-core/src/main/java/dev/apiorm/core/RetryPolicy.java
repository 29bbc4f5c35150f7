package dev.apiorm.core;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.channel.ConnectTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.BadGatewayException;
import dev.apiorm.exception.GatewayTimeoutException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;

/**
 * Runs a call's attempts: the boundary between the call stage and the attempt stage of
 * the exchange pipeline, so the last policy of the call stage. Which failed attempts are
 * sent again, and after how long: connection failures before the request was written (any
 * method); timeouts, resets, 429, 502, 503 and 504 for the configured methods (POST only
 * with an idempotency key); exponential backoff with jitter, or the {@code Retry-After}
 * the API asked for when it is longer, up to {@code max-retry-after}; never a wait that
 * ends after the call's deadline. The failure that propagates carries the number of
 * attempts made.
 */
final class RetryPolicy implements ExchangePolicy {

	private static final Log logger = LogFactory.getLog(RetryPolicy.class);

	private final ApiClientSettings.Retry settings;

	RetryPolicy(ApiClientSettings.Retry settings) {
		this.settings = settings;
	}

	@Override
	public Stage stage() {
		return Stage.CALL;
	}

	@Override
	public Mono<ExchangeResponse> apply(ExchangeRequest call, ExchangeChain next) {
		if (this.settings.maxAttempts() == 1) {
			return next.exchange(call.withAttempt(1));
		}
		return Mono.defer(() -> attempt(call, next, 1));
	}

	/**
	 * An attempt, and on its failure the decision whether to make the next one. A call
	 * that succeeds at once, nearly every call, costs one operator: not a companion
	 * publisher of retry signals per call, as {@code retryWhen} subscribes.
	 */
	private Mono<ExchangeResponse> attempt(ExchangeRequest call, ExchangeChain next, int attempt) {
		return next.exchange(call.withAttempt(attempt)).onErrorResume((failure) -> {
			if (attempt >= this.settings.maxAttempts() || !isRetryable(call, failure)) {
				return Mono.error(attempted(failure, attempt));
			}
			Duration wait = waitBefore(attempt + 1, failure);
			if (wait.compareTo(call.timeLeft()) >= 0) {
				// The next attempt could not start before the call's deadline.
				return Mono.error(attempted(ExchangeExecutor.deadlineExceeded(call), attempt));
			}
			if (logger.isDebugEnabled()) {
				logger.debug(call + ": attempt " + attempt + " of " + this.settings.maxAttempts() + " failed ("
						+ failure.getMessage() + "); retrying in " + wait);
			}
			return Mono.delay(wait).then(Mono.defer(() -> attempt(call, next, attempt + 1)));
		});
	}

	/**
	 * The failure that ends a call, carrying the number of attempts made.
	 */
	private static Throwable attempted(Throwable failure, int attempts) {
		if (failure instanceof ApiException api) {
			api.setAttempts(attempts);
		}
		return failure;
	}

	boolean isRetryable(ExchangeRequest call, Throwable failure) {
		if (!(failure instanceof ApiException)) {
			return false;
		}
		if (failure instanceof ApiTimeoutException timeout && timeout.timeout().equals(call.deadline())) {
			// The call's deadline passed, or is certain to pass before a permit of its
			// rate budget comes: no attempt could end in time.
			return false;
		}
		boolean replayable = this.settings.retries(call.method().name());
		if (failure instanceof TooManyRequestsException || failure instanceof ServiceUnavailableException) {
			Duration retryAfter = retryAfter(failure);
			return replayable && (retryAfter == null || retryAfter.compareTo(this.settings.maxRetryAfter()) <= 0);
		}
		if (failure instanceof BadGatewayException || failure instanceof GatewayTimeoutException) {
			return replayable;
		}
		if (failure instanceof ApiTimeoutException || failure instanceof ApiConnectionException) {
			return notWritten(failure) || (replayable && !TransportErrorTranslator.isPoolQueueFull(failure));
		}
		return false;
	}

	/**
	 * The wait before an attempt: the exponential backoff with jitter, or the API's
	 * {@code Retry-After} when longer.
	 */
	Duration waitBefore(int attempt, Throwable failure) {
		long initial = this.settings.initialBackoff().toMillis();
		long exponential = (attempt - 2 < 30) ? initial << (attempt - 2) : Long.MAX_VALUE;
		long backoff = Math.min(this.settings.maxBackoff().toMillis(), Math.max(0, exponential));
		// Equal jitter: half of the backoff always, the other half at random, so that
		// callers that failed together do not come back together.
		long jittered = backoff / 2 + ((backoff > 1) ? ThreadLocalRandom.current().nextLong(backoff / 2 + 1) : 0);
		Duration retryAfter = retryAfter(failure);
		Duration backoffWait = Duration.ofMillis(jittered);
		return (retryAfter != null && retryAfter.compareTo(backoffWait) > 0) ? retryAfter : backoffWait;
	}

	private static @Nullable Duration retryAfter(Throwable failure) {
		if (failure instanceof TooManyRequestsException tooMany) {
			return tooMany.retryAfter().orElse(null);
		}
		if (failure instanceof ServiceUnavailableException unavailable) {
			return unavailable.retryAfter().orElse(null);
		}
		return null;
	}

	/**
	 * Whether the failure happened before any byte of the request was written: the
	 * connection could not be made.
	 */
	private static boolean notWritten(Throwable failure) {
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
