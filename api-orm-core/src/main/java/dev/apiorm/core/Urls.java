package dev.apiorm.core;

import java.net.URI;

/**
 * Shows URLs without what must not be shown: a password in the user info never, and for a
 * base URL not the query or fragment either.
 */
public final class Urls {

	private Urls() {
	}

	/**
	 * A request URL as messages show it: everything but the user info.
	 * @param url the URL
	 * @return the URL without user info
	 */
	public static String display(URI url) {
		if (url.getRawUserInfo() == null) {
			return url.toString();
		}
		String text = url.toString();
		int start = text.indexOf("//") + 2;
		int at = text.indexOf('@', start);
		return text.substring(0, start) + text.substring(at + 1);
	}

	/**
	 * A request URL given as text, as messages show it.
	 * @param url the URL
	 * @return the URL without user info
	 */
	public static String display(String url) {
		try {
			return display(URI.create(url));
		}
		catch (IllegalArgumentException ex) {
			return "(a malformed URL)";
		}
	}

	static String withoutSecrets(URI url) {
		StringBuilder text = new StringBuilder();
		if (url.getScheme() != null) {
			text.append(url.getScheme()).append("://");
		}
		if (url.getHost() != null) {
			text.append(url.getHost());
		}
		if (url.getPort() != -1) {
			text.append(':').append(url.getPort());
		}
		if (url.getRawPath() != null) {
			text.append(url.getRawPath());
		}
		return text.toString();
	}

}
