package dev.apiorm.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a client talks HTTP: the protocol, the time bounds of a request and of a whole
 * call, and how much it reads and sends at once. Each {@code withX} returns a copy with
 * one value changed; the values are checked when they become part of
 * {@link ApiClientSettings}.
 *
 * @param http2 whether to speak HTTP/2 (h2 over TLS, h2c with prior knowledge for http)
 * @param timeout how long to wait for a whole response, headers and body
 * @param connectTimeout how long to wait for a connection
 * @param deadline how long a whole call may take: its attempts, the waits between them
 * and the waits for a connection
 * @param maxResponseSize the largest response body read into memory, in bytes
 * @param maxConcurrency how many requests may be in flight at once, {@code null} for no
 * limit beyond the pool
 * @param compression whether responses are asked for gzip-compressed
 * @param redirects which redirects are followed
 */
public record HttpSettings(boolean http2, Duration timeout, Duration connectTimeout, Duration deadline,
		int maxResponseSize, @Nullable Integer maxConcurrency, boolean compression,
		ApiClientSettings.Redirects redirects) {

	/**
	 * The defaults: HTTP/1.1, a 30 s timeout, a 5 s connect timeout, a 60 s deadline, 16
	 * MB bodies, no limit of concurrency beyond the pool, no compression, redirects
	 * followed within the base URL's origin.
	 */
	public static final HttpSettings DEFAULTS = new HttpSettings(false, Duration.ofSeconds(30), Duration.ofSeconds(5),
			Duration.ofSeconds(60), 16 * 1024 * 1024, null, false, ApiClientSettings.Redirects.SAME_ORIGIN);

	public HttpSettings withHttp2(boolean http2) {
		return new HttpSettings(http2, this.timeout, this.connectTimeout, this.deadline, this.maxResponseSize,
				this.maxConcurrency, this.compression, this.redirects);
	}

	public HttpSettings withTimeout(Duration timeout) {
		return new HttpSettings(this.http2, timeout, this.connectTimeout, this.deadline, this.maxResponseSize,
				this.maxConcurrency, this.compression, this.redirects);
	}

	public HttpSettings withConnectTimeout(Duration connectTimeout) {
		return new HttpSettings(this.http2, this.timeout, connectTimeout, this.deadline, this.maxResponseSize,
				this.maxConcurrency, this.compression, this.redirects);
	}

	public HttpSettings withDeadline(Duration deadline) {
		return new HttpSettings(this.http2, this.timeout, this.connectTimeout, deadline, this.maxResponseSize,
				this.maxConcurrency, this.compression, this.redirects);
	}

	public HttpSettings withMaxResponseSize(int maxResponseSize) {
		return new HttpSettings(this.http2, this.timeout, this.connectTimeout, this.deadline, maxResponseSize,
				this.maxConcurrency, this.compression, this.redirects);
	}

	public HttpSettings withMaxConcurrency(@Nullable Integer maxConcurrency) {
		return new HttpSettings(this.http2, this.timeout, this.connectTimeout, this.deadline, this.maxResponseSize,
				maxConcurrency, this.compression, this.redirects);
	}

	public HttpSettings withCompression(boolean compression) {
		return new HttpSettings(this.http2, this.timeout, this.connectTimeout, this.deadline, this.maxResponseSize,
				this.maxConcurrency, compression, this.redirects);
	}

	public HttpSettings withRedirects(ApiClientSettings.Redirects redirects) {
		return new HttpSettings(this.http2, this.timeout, this.connectTimeout, this.deadline, this.maxResponseSize,
				this.maxConcurrency, this.compression, redirects);
	}

	void check(String prefix) {
		SettingRules.positive(this.timeout, prefix + "timeout");
		SettingRules.positive(this.connectTimeout, prefix + "connect-timeout");
		SettingRules.positive(this.deadline, prefix + "deadline");
		SettingRules.positive(this.maxResponseSize, prefix + "max-response-size");
		if (this.maxConcurrency != null) {
			SettingRules.positive(this.maxConcurrency, prefix + "max-concurrency");
		}
		SettingRules.required(this.redirects, prefix + "redirects");
	}

}
