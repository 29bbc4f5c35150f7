package dev.apiorm.core;

import java.net.URI;

/**
 * Shows URLs without what must not be shown: user info (a password), query or fragment.
 */
final class Urls {

	private Urls() {
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
