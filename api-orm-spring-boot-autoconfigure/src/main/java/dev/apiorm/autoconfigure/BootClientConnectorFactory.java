package dev.apiorm.autoconfigure;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.http.client.reactive.ClientHttpConnector;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ClientConnectorFactory;
import dev.apiorm.exception.ConfigurationException;

/**
 * Makes each client's connector through Boot's {@link ClientHttpConnectorBuilder}: Boot's
 * {@code spring.http.clients.*} settings (read timeout, SSL bundle) apply to the HTTP
 * client api-orm configured, a client's own {@code api-orm.ssl.bundle} replacing Boot's,
 * and api-orm's redirect policy is applied last. An SSL bundle of an HTTP/2 client is
 * applied with ALPN, which h2 over TLS needs.
 */
final class BootClientConnectorFactory implements ClientConnectorFactory {

	private final HttpClientSettings defaults;

	private final @Nullable SslBundles sslBundles;

	private final Function<String, @Nullable String> bundleNames;

	/**
	 * A factory.
	 * @param defaults Boot's {@code spring.http.clients.*}
	 * @param sslBundles Boot's SSL bundles, {@code null} without them
	 * @param bundleNames the name of each client's own SSL bundle, {@code null} for none
	 */
	BootClientConnectorFactory(HttpClientSettings defaults, @Nullable SslBundles sslBundles,
			Function<String, @Nullable String> bundleNames) {
		this.defaults = defaults;
		this.sslBundles = sslBundles;
		this.bundleNames = bundleNames;
	}

	@Override
	public ClientHttpConnector create(ApiClientSettings settings, HttpClient httpClient,
			UnaryOperator<HttpClient> policies) {
		SslBundle bundle = bundle(settings);
		// An HTTP/2 client's bundle is applied with ALPN, by api-orm rather than by Boot.
		SslBundle alpn = settings.http().http2() ? bundle : null;
		// api-orm's own settings win: its connect timeout (spring.http.clients' when
		// unset) and its redirect policy, applied after Boot's.
		HttpClientSettings http = this.defaults.withConnectTimeout(settings.http().connectTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withSslBundle((alpn != null) ? null : bundle);
		return ClientHttpConnectorBuilder.reactor()
			.withoutHttpClientDefaults()
			.withHttpClientFactory(() -> httpClient)
			.withHttpClientCustomizer(
					(client) -> policies.apply((alpn != null) ? secureWithAlpn(client, alpn) : client))
			.build(http);
	}

	private @Nullable SslBundle bundle(ApiClientSettings settings) {
		String name = this.bundleNames.apply(settings.name());
		if (name == null) {
			return this.defaults.sslBundle();
		}
		String property = ApiClientSettings.propertyPrefix(settings.name()) + "ssl.bundle";
		if (this.sslBundles == null) {
			throw new ConfigurationException("Invalid value '" + name + "' for " + property
					+ ": no SSL bundles are configured (spring.ssl.bundle.*)");
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			// The message says it all; Boot's exception would only repeat the name.
			throw new ConfigurationException("Invalid value '" + name + "' for " + property
					+ ": no SSL bundle of that name (spring.ssl.bundle.*)");
		}
	}

	/**
	 * The bundle's trust and key material with ALPN, so that h2 is negotiated.
	 */
	private static HttpClient secureWithAlpn(HttpClient client, SslBundle bundle) {
		SslManagerBundle managers = bundle.getManagers();
		SslOptions options = bundle.getOptions();
		Http2SslContextSpec spec = Http2SslContextSpec.forClient()
			.configure((builder) -> configure(builder, managers, options));
		return client.secure((ssl) -> ssl.sslContext(spec));
	}

	private static void configure(SslContextBuilder builder, SslManagerBundle managers, SslOptions options) {
		builder.keyManager(managers.getKeyManagerFactory()).trustManager(managers.getTrustManagerFactory());
		if (options.getCiphers() != null) {
			builder.ciphers(SslOptions.asSet(options.getCiphers()));
		}
		if (options.getEnabledProtocols() != null) {
			builder.protocols(options.getEnabledProtocols());
		}
	}

}
