package dev.apiorm.core;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Decodes a response body read whole into memory.
 *
 * @param <V> what the body becomes
 */
@FunctionalInterface
interface BodyDecoder<V> {

	/**
	 * Decodes the body.
	 * @param body the body, not empty
	 * @param headers the response's headers
	 * @return the value
	 * @throws IOException when the body cannot be read
	 */
	V decode(InputStream body, HttpHeaders headers) throws IOException;

	/**
	 * The value of a {@code 204 No Content} response.
	 * @param headers the response's headers
	 * @return the value, {@code null} when a body was required
	 */
	default @Nullable V noContent(HttpHeaders headers) {
		return null;
	}

	/**
	 * This decoder, taking a {@code 204 No Content} response as the given value.
	 * @param value what the response means, given its headers
	 * @return the decoder
	 */
	default BodyDecoder<V> orNoContent(java.util.function.Function<HttpHeaders, V> value) {
		BodyDecoder<V> decoder = this;
		return new BodyDecoder<>() {

			@Override
			public V decode(InputStream body, HttpHeaders headers) throws IOException {
				return decoder.decode(body, headers);
			}

			@Override
			public V noContent(HttpHeaders headers) {
				return value.apply(headers);
			}

		};
	}

}
