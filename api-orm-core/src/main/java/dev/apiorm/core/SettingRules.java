package dev.apiorm.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.apiorm.exception.ConfigurationException;

/**
 * The checks the settings records apply to their values, each failing with a
 * {@link ConfigurationException} that names the property: {@code Invalid value '0' for
 * api-orm.page-size: must be positive}.
 */
final class SettingRules {

	/** The characters of an HTTP token (RFC 9110, 5.6.2) besides letters and digits. */
	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	private SettingRules() {
	}

	static void positive(int value, String property) {
		if (value <= 0) {
			throw invalid(property, value, "must be positive");
		}
	}

	static void positive(@Nullable Duration value, String property) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(property, value, "must be a positive duration");
		}
	}

	static void notNegative(@Nullable Duration value, String property) {
		if (value == null || value.isNegative()) {
			throw invalid(property, value, "must not be negative");
		}
	}

	static <T> T required(@Nullable T value, String property) {
		if (value == null) {
			throw new ConfigurationException(property + " is required");
		}
		return value;
	}

	/**
	 * Checks an HTTP header name, or any other token such as an authentication scheme.
	 * @param name the name
	 * @param property the property that holds it
	 */
	static void token(@Nullable String name, String property) {
		if (!isToken(name)) {
			throw invalid(property, name, "must be an HTTP token: letters, digits and " + TOKEN_SYMBOLS);
		}
	}

	/**
	 * Checks an authentication scheme, which is a token, never showing it (a token
	 * written there by mistake must not show).
	 * @param scheme the scheme
	 * @param property the property that holds it
	 */
	static void secretToken(@Nullable String scheme, String property) {
		if (!isToken(scheme)) {
			throw new ConfigurationException("Invalid value for " + property
					+ ": must be an HTTP token such as Bearer or Token (letters, digits and " + TOKEN_SYMBOLS + ")");
		}
	}

	private static boolean isToken(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Checks an HTTP header value, never showing it (it may be a credential): one line of
	 * visible ISO-8859-1 characters, spaces and tabs (RFC 9110, 5.5).
	 * @param value the value
	 * @param property the property that holds it
	 */
	static void headerValue(@Nullable String value, String property) {
		if (value == null) {
			throw new ConfigurationException("Invalid value for " + property + ": must not be null");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r' || c == '\n') {
				throw new ConfigurationException(
						"Invalid value for " + property + ": a header value must be one line (it holds a line break)");
			}
			if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
				throw new ConfigurationException("Invalid value for " + property + ": a header value must not hold "
						+ String.format("U+%04X", (int) c) + " (visible ISO-8859-1 characters, spaces and tabs only)");
			}
		}
	}

	static ConfigurationException invalid(String property, @Nullable Object value, String reason) {
		return new ConfigurationException("Invalid value '" + value + "' for " + property + ": " + reason);
	}

}
