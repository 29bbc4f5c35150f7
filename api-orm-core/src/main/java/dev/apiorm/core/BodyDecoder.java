package dev.apiorm.core;

import java.io.InputStream;

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
	 * @return the value
	 */
	V decode(InputStream body);

}
