package dev.apiorm.core;

import java.util.function.UnaryOperator;

import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Makes the connector of a client from the Reactor Netty {@link HttpClient} api-orm
 * configured (its pool, connect timeout, HTTP/2, compression). Spring Boot's
 * auto-configuration supplies one that goes through Boot's
 * {@code ClientHttpConnectorBuilder}, so that {@code spring.http.clients.*} and SSL
 * bundles apply.
 */
@FunctionalInterface
public interface ClientConnectorFactory {

	/** The connector of the {@link HttpClient} as configured, policies applied. */
	ClientConnectorFactory REACTOR = (settings, httpClient,
			policies) -> new ReactorClientHttpConnector(policies.apply(httpClient));

	/**
	 * The connector of a client.
	 * @param settings the client's settings
	 * @param httpClient the HTTP client api-orm configured
	 * @param policies what must be applied last, over anything else configured (the
	 * redirect policy that keeps the token within the base URL's origin)
	 * @return the connector
	 */
	ClientHttpConnector create(ApiClientSettings settings, HttpClient httpClient, UnaryOperator<HttpClient> policies);

}
