package dev.apiorm.core.cache;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.apiorm.core.ApiClientSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CacheKeys#digest(String, String)}.
 */
class CacheKeysTests {

	@Test
	void digestSeparatesCredentialsAndPlacesWithoutShowingTheCredential() {
		String a = CacheKeys.digest("Token alpha-secret", "default http://api");
		assertThat(a).isEqualTo(CacheKeys.digest("Token alpha-secret", "default http://api"))
			.isNotEqualTo(CacheKeys.digest("Token beta-secret", "default http://api"))
			.isNotEqualTo(CacheKeys.digest("Token alpha-secret", "billing http://api"))
			.doesNotContain("alpha")
			.hasSize(24);
	}

	@Test
	void noCredentialIsAnonymous() {
		assertThat(CacheKeys.digest("", "default http://api")).isEqualTo("anonymous");
	}

	@Test
	void clientsWithAnotherTokenOrAuthorizationHeaderGetAnotherPartition() {
		URI base = URI.create("http://api.example.com/");
		ApiClientSettings plain = ApiClientSettings.defaults("default", base);
		ApiClientSettings token = plain.withToken("t1");
		ApiClientSettings header = plain.withOptions(plain.options()
			.withHeaders(plain.headers().withDefaultHeaders(java.util.Map.of("Authorization", "Basic eDp5"))));
		assertThat(new CacheKeys(plain).partition()).isEqualTo("anonymous");
		assertThat(new CacheKeys(token).partition()).isNotEqualTo("anonymous")
			.isNotEqualTo(new CacheKeys(plain.withToken("t2")).partition())
			.isNotEqualTo(new CacheKeys(header).partition());
	}

}
