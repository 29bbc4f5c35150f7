package dev.apiorm.core;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.netty.channel.ConnectTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;
import dev.apiorm.exception.BadGatewayException;
import dev.apiorm.exception.GatewayTimeoutException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.exception.TooManyRequestsException;

/**
 * Which failed attempts of an exchange are sent again, and after how long, as a Reactor
 * {@link Retry}: connection failures before the request was written (any method);
 * timeouts, resets, 429, 502, 503 and 504 for the configured methods (POST only with an
 * idempotency key); exponential backoff with jitter, or the {@code Retry-After} the API
 * asked for when it is longer, up to {@code max-retry-after}.
 */
final class ExchangeRetry {

	private static final Log logger = LogFactory.getLog(ExchangeRetry.class);

	private final ApiClientSettings.Retry settings;

	ExchangeRetry(ApiClientSettings.Retry settings) {
		this.settings = settings;
	}

	/**
	 * The retry of one logical exchange, whose attempts count in {@code attempts}.
	 */
	Retry forExchange(Exchange exchange, AtomicInteger attempts, long deadlineAt,
			Supplier<ApiTimeoutException> deadlineExceeded) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			int attempt = attempts.get();
			if (attempt >= this.settings.maxAttempts() || !isRetryable(exchange, failure)) {
				return Mono.error(failure);
			}
			Duration wait = waitBefore(attempt + 1, failure);
			if (wait.compareTo(Duration.ofNanos(deadlineAt - System.nanoTime())) >= 0) {
				// The next attempt could not start before the call's deadline.
				return Mono.error(deadlineExceeded.get());
			}
			if (logger.isDebugEnabled()) {
				logger.debug(exchange.describe() + ": attempt " + attempt + " of " + this.settings.maxAttempts()
						+ " failed (" + failure.getMessage() + "); retrying in " + wait);
			}
			return Mono.delay(wait).thenReturn(attempt);
		}));
	}

	boolean isRetryable(Exchange exchange, Throwable failure) {
		if (!(failure instanceof ApiException)) {
			return false;
		}
		boolean replayable = this.settings.retries(exchange.method().name());
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
