package dev.apiorm.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a client writes into the headers of every request besides the token. Each
 * {@code withX} returns a copy with one value changed; the values are checked when they
 * become part of {@link ApiClientSettings}: a header name that is not an HTTP token or a
 * value with a line break or a control character is refused naming the property, never
 * showing the value.
 *
 * @param authScheme the scheme written before the token ({@code Bearer}, {@code Token}),
 * empty to send the token alone
 * @param userAgent the {@code User-Agent} header
 * @param defaultHeaders headers sent with every request of the client
 */
public record HeaderSettings(String authScheme, String userAgent, Map<String, String> defaultHeaders) {

	/**
	 * The defaults: {@code Bearer}, {@code api-orm/<version>} (from the jar's manifest,
	 * {@code api-orm} when run from classes), no other header.
	 */
	public static final HeaderSettings DEFAULTS = new HeaderSettings("Bearer",
			userAgent(HeaderSettings.class.getPackage()), Map.of());

	public HeaderSettings {
		authScheme = (authScheme != null) ? authScheme.trim() : "";
		defaultHeaders = (defaultHeaders != null) ? Map.copyOf(defaultHeaders) : Map.of();
	}

	private static String userAgent(@Nullable Package info) {
		String version = (info != null) ? info.getImplementationVersion() : null;
		return (version != null) ? "api-orm/" + version : "api-orm";
	}

	public HeaderSettings withAuthScheme(String authScheme) {
		return new HeaderSettings(authScheme, this.userAgent, this.defaultHeaders);
	}

	public HeaderSettings withUserAgent(String userAgent) {
		return new HeaderSettings(this.authScheme, userAgent, this.defaultHeaders);
	}

	public HeaderSettings withDefaultHeaders(Map<String, String> defaultHeaders) {
		return new HeaderSettings(this.authScheme, this.userAgent, defaultHeaders);
	}

	void check(String prefix) {
		if (!this.authScheme.isEmpty()) {
			SettingRules.secretToken(this.authScheme, prefix + "auth-scheme");
		}
		if (this.userAgent == null || this.userAgent.isBlank()) {
			throw SettingRules.invalid(prefix + "user-agent", this.userAgent, "must not be empty");
		}
		SettingRules.headerValue(this.userAgent, prefix + "user-agent");
		this.defaultHeaders.forEach((name, value) -> {
			SettingRules.token(name, prefix + "default-headers");
			SettingRules.headerValue(value, prefix + "default-headers." + name);
		});
	}

}
