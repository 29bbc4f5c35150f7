package dev.apiorm.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.core.HttpCacheSettings;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.exception.ServiceUnavailableException;
import dev.apiorm.fixtures.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP cache on the wire: what is sent, and what is not, for fresh, stale,
 * {@code no-store} and {@code Vary} answers, after writes, and for another credential.
 */
class HttpCacheWireTests extends WireTestSupport {

	private static final String ONE = "/api/v1/users/1/";

	private final ConcurrentMapCacheManager caches = new ConcurrentMapCacheManager("api-orm");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void emptyCache() {
		this.caches.getCache("api-orm").clear();
	}

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return cached(builder.retry(NO_RETRY));
	}

	private ApiOrmBuilder cached(ApiOrmBuilder builder) {
		return builder.cacheManager(this.caches)
			.meterRegistry(this.meters)
			.options((options) -> options.withCache(HttpCacheSettings.DEFAULTS.withEnabled(true)));
	}

	private ApiOrm another(String token, Map<String, String> headers) {
		return cached(ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.token(token)
			.authScheme("Token")
			.defaultHeaders(headers)
			.retry(NO_RETRY)).build();
	}

	private static void stubOne(String... headers) {
		var response = aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(user(1, "Ann"));
		for (int i = 0; i < headers.length; i += 2) {
			response.withHeader(headers[i], headers[i + 1]);
		}
		stub(get(urlEqualTo(ONE)).willReturn(response));
	}

	private double count(String result) {
		var counter = this.meters.find("api.orm.cache.requests").tag("result", result).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void freshAnswerIsServedWithoutARequestAsANewInstance() {
		stubOne("Cache-Control", "max-age=60");
		User first = this.users.get(1);
		User second = this.users.get(1);
		assertThat(sent()).containsExactly("GET " + ONE);
		assertThat(second.getName()).isEqualTo("Ann");
		assertThat(second).isNotSameAs(first);
		assertThat(count("hit")).isEqualTo(1);
		assertThat(count("miss")).isEqualTo(1);
	}

	@Test
	void reactiveCallerIsServedFromTheCacheToo() {
		stubOne("Cache-Control", "private, max-age=60");
		this.reactiveUsers.get(1).block();
		assertThat(this.reactiveUsers.get(1).block().getName()).isEqualTo("Ann");
		assertThat(sent()).containsExactly("GET " + ONE);
	}

	@Test
	void staleAnswerIsRevalidatedWithIfNoneMatchAndA304IsServedFromTheCache() {
		stubOne("Cache-Control", "no-cache", "ETag", "\"v1\"");
		stub(get(urlEqualTo(ONE)).withHeader("If-None-Match", equalTo("\"v1\""))
			.willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
		this.users.get(1);
		User revalidated = this.users.get(1);
		assertThat(revalidated.getName()).isEqualTo("Ann");
		assertThat(sent()).containsExactly("GET " + ONE, "GET " + ONE);
		wire.verify(1, getRequestedFor(urlEqualTo(ONE)).withHeader("If-None-Match", absent()));
		wire.verify(1, getRequestedFor(urlEqualTo(ONE)).withHeader("If-None-Match", equalTo("\"v1\""))
			.withHeader("Authorization", equalTo("Token " + TOKEN)));
		assertThat(count("revalidated")).isEqualTo(1);
	}

	@Test
	void expiredAnswerWithLastModifiedIsRevalidatedWithIfModifiedSince() {
		String lastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
		stubOne("Cache-Control", "max-age=0, must-revalidate", "Last-Modified", lastModified);
		stub(get(urlEqualTo(ONE)).withHeader("If-Modified-Since", equalTo(lastModified))
			.willReturn(aResponse().withStatus(304)));
		this.users.get(1);
		assertThat(this.users.get(1).getName()).isEqualTo("Ann");
		wire.verify(1, getRequestedFor(urlEqualTo(ONE)).withHeader("If-Modified-Since", equalTo(lastModified)));
		assertThat(sent()).hasSize(2);
	}

	@Test
	void aRevalidationAnsweredWithABodyReplacesTheEntry() {
		stubOne("Cache-Control", "no-cache", "ETag", "\"v1\"");
		this.users.get(1);
		stub(get(urlEqualTo(ONE)).withHeader("If-None-Match", equalTo("\"v1\""))
			.willReturn(WireMock.okJson(user(1, "Bob")).withHeader("Cache-Control", "max-age=60")));
		assertThat(this.users.get(1).getName()).isEqualTo("Bob");
		assertThat(this.users.get(1).getName()).isEqualTo("Bob");
		assertThat(sent()).containsExactly("GET " + ONE, "GET " + ONE);
	}

	@Test
	void aStaleMustRevalidateAnswerIsNotServedWhenTheApiFails() {
		stubOne("Cache-Control", "max-age=0, must-revalidate", "ETag", "\"v1\"");
		this.users.get(1);
		stub(get(urlEqualTo(ONE)).withHeader("If-None-Match", equalTo("\"v1\""))
			.willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> this.users.get(1));
	}

	@Test
	void noStoreAnswerIsNeverKept() {
		stubOne("Cache-Control", "no-store", "ETag", "\"v1\"");
		this.users.get(1);
		this.users.get(1);
		assertThat(sent()).containsExactly("GET " + ONE, "GET " + ONE);
		wire.verify(0, getRequestedFor(urlEqualTo(ONE)).withHeader("If-None-Match", WireMock.matching(".*")));
		assertThat(entries()).isEmpty();
	}

	@Test
	void anAnswerWithoutFreshnessOrValidatorIsNotKept() {
		stubOne();
		this.users.get(1);
		this.users.get(1);
		assertThat(sent()).hasSize(2);
		assertThat(entries()).isEmpty();
	}

	@Test
	void varyKeepsAnswersForOtherHeaderValuesApart() {
		stubOne("Cache-Control", "max-age=60", "Vary", "X-Tenant");
		try (ApiOrm acme = another(TOKEN, Map.of("X-Tenant", "acme"));
				ApiOrm globex = another(TOKEN, Map.of("X-Tenant", "globex"));
				ApiOrm acmeAgain = another(TOKEN, Map.of("X-Tenant", "acme"))) {
			acme.repository(User.class).get(1);
			acmeAgain.repository(User.class).get(1);
			globex.repository(User.class).get(1);
		}
		assertThat(sent()).containsExactly("GET " + ONE, "GET " + ONE);
		wire.verify(1, getRequestedFor(urlEqualTo(ONE)).withHeader("X-Tenant", equalTo("acme")));
		wire.verify(1, getRequestedFor(urlEqualTo(ONE)).withHeader("X-Tenant", equalTo("globex")));
	}

	@Test
	void varyStarIsNeverKept() {
		stubOne("Cache-Control", "max-age=60", "Vary", "*");
		this.users.get(1);
		this.users.get(1);
		assertThat(sent()).hasSize(2);
	}

	@Test
	void saveAndDeleteInvalidateTheRecordAndTheCollection() {
		stubOne("Cache-Control", "max-age=60");
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(WireMock.okJson(page(1L, null, user(1, "Ann"))).withHeader("Cache-Control", "max-age=60")));
		stub(WireMock.patch(urlEqualTo(ONE)).willReturn(WireMock.okJson(user(1, "Eve"))));
		stub(WireMock.delete(urlEqualTo(ONE)).willReturn(aResponse().withStatus(204)));
		User ann = this.users.get(1);
		this.users.all().list();
		this.users.get(1);
		this.users.all().list();
		ann.setName("Eve");
		this.users.save(ann);
		this.users.get(1);
		this.users.all().list();
		this.users.deleteById(1);
		this.users.get(1);
		this.users.all().list();
		assertThat(sent()).containsExactly("GET " + ONE, "GET /api/v1/users/?limit=2",
				"PATCH " + ONE + " {\"name\":\"Eve\"}", "GET " + ONE, "GET /api/v1/users/?limit=2", "DELETE " + ONE,
				"GET " + ONE, "GET /api/v1/users/?limit=2");
		assertThat(this.meters.find("api.orm.cache.invalidations").counter().count()).isEqualTo(2);
	}

	@Test
	void aWriteThroughAnotherInstanceInvalidatesWhatThisOneKept() {
		stubOne("Cache-Control", "max-age=60");
		stub(WireMock.delete(urlEqualTo(ONE)).willReturn(aResponse().withStatus(204)));
		this.users.get(1);
		try (ApiOrm other = another("other-token", Map.of())) {
			other.repository(User.class).deleteById(1);
		}
		this.users.get(1);
		assertThat(sent()).containsExactly("GET " + ONE, "DELETE " + ONE, "GET " + ONE);
	}

	@Test
	void anotherTokenDoesNotReadTheEntryAndNoEntryHoldsAToken() throws IOException {
		stubOne("Cache-Control", "max-age=60", "Set-Cookie", "session=abc");
		try (ApiOrm other = another("other-token", Map.of()); ApiOrm same = another(TOKEN, Map.of())) {
			this.users.get(1);
			other.repository(User.class).get(1);
			same.repository(User.class).get(1);
			other.repository(User.class).get(1);
		}
		assertThat(sent()).containsExactly("GET " + ONE, "GET " + ONE);
		wire.verify(1, getRequestedFor(urlEqualTo(ONE)).withHeader("Authorization", equalTo("Token " + TOKEN)));
		wire.verify(1, getRequestedFor(urlEqualTo(ONE)).withHeader("Authorization", equalTo("Token other-token")));
		for (Map.Entry<Object, Object> entry : entries().entrySet()) {
			String stored = entry.getKey() + new String(serialized(entry.getValue()), StandardCharsets.ISO_8859_1);
			assertThat(stored).doesNotContain(TOKEN).doesNotContain("other-token").doesNotContain("session=abc");
		}
		assertThat(entries()).hasSize(2);
	}

	@Test
	void cachedListsPassThroughVerifiedResults() {
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=2")).willReturn(
				WireMock.okJson(page(1L, null, user(1, "Ann", "member"))).withHeader("Cache-Control", "max-age=60")));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.filter("role", "admin").list());
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.filter("role", "admin").list());
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=admin&limit=2");
		assertThat(count("hit")).isEqualTo(1);
	}

	@Test
	void aCacheThatFailsIsAMissAndEveryCallSucceeds() {
		stubOne("Cache-Control", "max-age=60");
		stub(WireMock.delete(urlEqualTo(ONE)).willReturn(aResponse().withStatus(204)));
		org.springframework.cache.support.SimpleCacheManager down = new org.springframework.cache.support.SimpleCacheManager();
		down.setCaches(List.of(new ConcurrentMapCache("api-orm") {

			@Override
			protected Object lookup(Object key) {
				throw new IllegalStateException("Redis is down");
			}

			@Override
			public void put(Object key, Object value) {
				throw new IllegalStateException("Redis is down");
			}

			@Override
			public ValueWrapper putIfAbsent(Object key, Object value) {
				throw new IllegalStateException("Redis is down");
			}

		}));
		down.afterPropertiesSet();
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.retry(NO_RETRY)
			.cacheManager(down)
			.options((options) -> options.withCache(HttpCacheSettings.DEFAULTS.withEnabled(true)))
			.build()) {
			assertThat(orm.repository(User.class).get(1).getName()).isEqualTo("Ann");
			assertThat(orm.repository(User.class).get(1).getName()).isEqualTo("Ann");
			orm.repository(User.class).deleteById(1);
		}
		assertThat(sent()).containsExactly("GET " + ONE, "GET " + ONE, "DELETE " + ONE);
	}

	private Map<Object, Object> entries() {
		ConcurrentMap<Object, Object> all = ((ConcurrentMapCache) this.caches.getCache("api-orm")).getNativeCache();
		Map<Object, Object> entries = new java.util.HashMap<>(all);
		entries.keySet().removeIf((key) -> key.toString().startsWith("api-orm:g:"));
		return entries;
	}

	private static byte[] serialized(Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toByteArray();
	}

}
