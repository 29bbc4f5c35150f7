package dev.apiorm.core;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.core.io.buffer.DataBufferLimitException;

import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.ApiException;
import dev.apiorm.exception.ApiTimeoutException;

/**
 * Maps failures below HTTP (refused or reset connections, timeouts, oversized bodies) to
 * the exception hierarchy.
 */
final class TransportErrorTranslator {

	private final ApiClientSettings settings;

	TransportErrorTranslator(ApiClientSettings settings) {
		this.settings = settings;
	}

	/**
	 * Whether a failure is Reactor Netty's full queue for a connection (its pool
	 * exceptions live in a shaded package, so they are matched by name).
	 */
	static boolean isPoolQueueFull(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("PoolAcquirePendingLimitException")) {
				return true;
			}
		}
		return false;
	}

	ApiException translate(ExchangeRequest request, Throwable failure) {
		if (failure instanceof ApiException api) {
			return api;
		}
		String pool = "the connection pool of client '" + this.settings.name() + "'";
		String prefix = ApiClientSettings.propertyPrefix(this.settings.name()) + "pool.";
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (isPoolQueueFull(cause)) {
				return new ApiConnectionException(request + ": every connection of " + pool + " is busy and "
						+ this.settings.pool().maxPendingAcquires() + " requests already wait for one (" + prefix
						+ "max-pending-acquires)", failure);
			}
			if (cause.getClass().getSimpleName().equals("PoolAcquireTimeoutException")) {
				return new ApiTimeoutException(
						request + " waited longer than " + this.settings.pool().pendingAcquireTimeout()
								+ " for a connection of " + pool + " (" + prefix + "pending-acquire-timeout)",
						this.settings.pool().pendingAcquireTimeout(), failure);
			}
			if (cause instanceof ConnectTimeoutException) {
				return new ApiTimeoutException(
						request + " could not connect within " + this.settings.http().connectTimeout(),
						this.settings.http().connectTimeout(), failure);
			}
			if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
				return new ApiTimeoutException(request + " got no response within " + this.settings.http().timeout(),
						this.settings.http().timeout(), failure);
			}
			if (cause instanceof DataBufferLimitException) {
				return new ApiDecodeException(request + ": the response body is larger than "
						+ this.settings.http().maxResponseSize() + " bytes (api-orm.max-response-size)", failure);
			}
			if (cause instanceof ConnectException) {
				return new ApiConnectionException(request + " could not connect: " + cause.getMessage(), failure);
			}
		}
		return new ApiConnectionException(request + " failed: " + failure.getMessage(), failure);
	}

}
