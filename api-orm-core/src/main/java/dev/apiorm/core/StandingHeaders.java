package dev.apiorm.core;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The headers every request of a client carries, set on the request as it is built: the
 * configured default headers, the {@code User-Agent}, and {@code Authorization} for the
 * base URL's origin only.
 * <p>
 * Set here rather than as WebClient default headers and a filter, each of which copies
 * the request's headers once more per request; the WebClient an application gets from
 * {@code ApiOrm#webClient} keeps them as defaults and a filter.
 */
final class StandingHeaders {

	private final Map<String, String> defaults;

	private final String userAgent;

	private final URI base;

	/** {@code <scheme> <token>}, {@code null} without a token. */
	private final @Nullable String authorization;

	StandingHeaders(ApiClientSettings settings) {
		this.defaults = settings.headers().defaultHeaders();
		this.userAgent = settings.headers().userAgent();
		this.base = settings.baseUrl();
		String token = settings.token();
		this.authorization = (token == null || token.isEmpty()) ? null
				: settings.headers().authScheme().isEmpty() ? token : settings.headers().authScheme() + " " + token;
	}

	/**
	 * Sets the headers on a request.
	 * @param headers the request's headers
	 * @param url the request's URL: the token goes to the base URL's origin only
	 */
	void applyTo(HttpHeaders headers, URI url) {
		if (!this.defaults.isEmpty()) {
			this.defaults.forEach(headers::set);
		}
		headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		String value = this.authorization;
		if (value != null && Origins.same(this.base, url)) {
			headers.set(HttpHeaders.AUTHORIZATION, value);
		}
	}

	@Override
	public String toString() {
		// Never the token.
		return "StandingHeaders[" + this.defaults.keySet() + ", User-Agent"
				+ ((this.authorization != null) ? ", Authorization" : "") + "]";
	}

}
