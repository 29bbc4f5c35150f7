package dev.apiorm.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What Boot's {@code spring.http.clients.*} sets as the defaults of api-orm's keys, in
 * types that load without Boot's HTTP client module.
 *
 * @param connectTimeout the connect timeout, {@code null} when unset
 * @param followRedirects {@code false} when Boot's clients follow no redirect
 */
record HttpClientDefaults(@Nullable Duration connectTimeout, boolean followRedirects) {

	/** No defaults: Boot's HTTP client module is absent. */
	static final HttpClientDefaults NONE = new HttpClientDefaults(null, true);

}
