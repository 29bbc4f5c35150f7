package dev.apiorm.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.exchange.ExchangeRequest;

/**
 * The keys of one client's entries. An entry's key separates the credentials that may
 * read it without containing any: it holds a digest of the credential keyed by the
 * credential itself (HMAC-SHA256 of the client's name and base URL), so that what a
 * reader of the cache (of Redis) sees neither reveals a token nor lets another credential
 * find the entry. A collection's generation, which every write to the collection renews,
 * is keyed by its URL only, so that a write invalidates what every credential kept.
 */
final class CacheKeys {

	/** The request headers that carry a credential. */
	private static final List<String> CREDENTIAL_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE,
			HttpHeaders.PROXY_AUTHORIZATION);

	private final String label;

	/**
	 * The client's own credential: the token and the credential headers among its
	 * defaults.
	 */
	private final String credential;

	/** The digest of {@link #credential}, computed once. */
	private final String partition;

	private final String base;

	CacheKeys(ApiClientSettings client) {
		this.base = client.baseUrl().toString();
		this.label = client.name() + " " + this.base;
		StringBuilder credential = new StringBuilder();
		if (client.token() != null) {
			credential.append(client.headers().authScheme()).append(' ').append(client.token());
		}
		for (Map.Entry<String, String> header : client.headers().defaultHeaders().entrySet()) {
			if (isCredential(header.getKey())) {
				credential.append('\n')
					.append(header.getKey().toLowerCase(java.util.Locale.ROOT))
					.append(": ")
					.append(header.getValue());
			}
		}
		this.credential = credential.toString();
		this.partition = digest(this.credential, this.label);
	}

	private static boolean isCredential(String header) {
		return CREDENTIAL_HEADERS.stream().anyMatch(header::equalsIgnoreCase);
	}

	/**
	 * The key of the entry that answers a request.
	 * @param request the request
	 * @return the key: the credential's digest and the URL
	 */
	String entry(ExchangeRequest request) {
		return "api-orm:e:" + partition(request) + ":" + request.url();
	}

	/**
	 * The key of the generation of the collection a request is about.
	 * @param request the request
	 * @return the key: the client's base URL and the model's endpoint
	 */
	String generation(ExchangeRequest request) {
		return "api-orm:g:" + this.base + "|" + request.entity().getEndpoint();
	}

	/**
	 * The digest of the client's own credential.
	 */
	String partition() {
		return this.partition;
	}

	private String partition(ExchangeRequest request) {
		HttpHeaders headers = request.headers();
		if (headers.isEmpty() || CREDENTIAL_HEADERS.stream().noneMatch(headers::containsHeader)) {
			return this.partition;
		}
		// A policy of the application set a credential of its own on this request.
		StringBuilder credential = new StringBuilder(this.credential);
		for (String name : CREDENTIAL_HEADERS) {
			for (String value : headers.getValuesAsList(name)) {
				credential.append('\n').append(name.toLowerCase(java.util.Locale.ROOT)).append(": ").append(value);
			}
		}
		return digest(credential.toString(), this.label);
	}

	/**
	 * A digest of a credential, keyed by the credential.
	 * @param credential the credential, empty for none
	 * @param label what the digest is of, so that one credential gives other digests
	 * elsewhere
	 * @return the digest, base64url; {@code anonymous} for no credential
	 */
	static String digest(String credential, String label) {
		if (credential.isEmpty()) {
			return "anonymous";
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(credential.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
