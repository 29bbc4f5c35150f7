package dev.apiorm.core;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.core.io.buffer.DataBufferLimitException;

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

	ApiException translate(Exchange exchange, Throwable failure) {
		if (failure instanceof ApiException api) {
			return api;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectTimeoutException) {
				return new ApiTimeoutException(
						exchange.describe() + " could not connect within " + this.settings.connectTimeout(),
						this.settings.connectTimeout(), failure);
			}
			if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
				return new ApiTimeoutException(
						exchange.describe() + " got no response within " + this.settings.timeout(),
						this.settings.timeout(), failure);
			}
			if (cause instanceof DataBufferLimitException) {
				return new ApiDecodeException(exchange.describe() + ": the response body is larger than "
						+ this.settings.maxResponseSize() + " bytes (api-orm.max-response-size)", failure);
			}
			if (cause instanceof ConnectException) {
				return new ApiConnectionException(exchange.describe() + " could not connect: " + cause.getMessage(),
						failure);
			}
		}
		return new ApiConnectionException(exchange.describe() + " failed: " + failure.getMessage(), failure);
	}

}
