package dev.apiorm.core;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

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
	 * @param etag the response's {@code ETag}, {@code null} when it has none
	 * @return the value
	 * @throws IOException when the body cannot be read
	 */
	V decode(InputStream body, @Nullable String etag) throws IOException;

}
