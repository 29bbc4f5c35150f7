package dev.apiorm.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * TLS of one client's connections ({@code api-orm.ssl.*}).
 */
public class SslProperties {

	/**
	 * The SSL bundle (spring.ssl.bundle.*) of the API's connections: the trust material
	 * for its certificate, the key material of the client. Unset,
	 * spring.http.clients.ssl.bundle, else the JVM's defaults.
	 */
	private @Nullable String bundle;

	public @Nullable String getBundle() {
		return this.bundle;
	}

	public void setBundle(@Nullable String bundle) {
		this.bundle = bundle;
	}

}
