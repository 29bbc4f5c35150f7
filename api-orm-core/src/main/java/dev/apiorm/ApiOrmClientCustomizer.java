package dev.apiorm;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of each api-orm client before its WebClient is
 * built: filters (OAuth2, Resilience4j), a wiretap, more default headers. In Spring Boot,
 * every bean of this type is applied; without it, give them to
 * {@link ApiOrmBuilder#clientCustomizer(ApiOrmClientCustomizer)}.
 */
@FunctionalInterface
public interface ApiOrmClientCustomizer {

	/**
	 * Customizes one client's builder.
	 * @param clientName the client's name, {@code default} for the one configured by
	 * {@code api-orm.*} itself
	 * @param builder the builder, already holding the base URL, headers and pool
	 */
	void customize(String clientName, WebClient.Builder builder);

}
