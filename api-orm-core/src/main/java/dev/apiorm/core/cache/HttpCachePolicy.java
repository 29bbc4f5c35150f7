package dev.apiorm.core.cache;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.HttpCacheSettings;
import dev.apiorm.core.exchange.BodyReader;
import dev.apiorm.core.exchange.ExchangeAttributes;
import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;

/**
 * The HTTP cache of one client, a {@link Stage#CALL call} policy: a fresh answer is
 * served without a request; a stale one that has a validator is revalidated with
 * {@code If-None-Match} / {@code If-Modified-Since}, and a {@code 304} is answered from
 * the cache; any other GET goes to the API, and its answer is kept when RFC 9111 lets a
 * private cache keep it ({@link Freshness}). Every write of the client to a model renews
 * the generation of the model's collection, which invalidates every answer kept for it,
 * the records' and the lists', for every credential and every instance sharing the cache.
 * <p>
 * The body is kept as the bytes that came, and decoded anew for each caller (never a
 * shared instance); the caller's stages (the proofs of verified results, change tracking)
 * then see it as any other answer.
 */
public final class HttpCachePolicy implements ExchangePolicy {

	private final HttpCacheSettings settings;

	private final CacheStore store;

	private final CacheKeys keys;

	private final Map<String, String> defaultHeaders;

	private final HttpCacheMeters meters;

	private final Clock clock;

	/**
	 * The cache of a client.
	 * @param client the client, its cache enabled
	 * @param cache where answers are kept
	 * @param meters where hits, misses and revalidations are counted
	 * @param clock the clock of {@code stored-at} times
	 */
	public HttpCachePolicy(ApiClientSettings client, org.springframework.cache.Cache cache, HttpCacheMeters meters,
			Clock clock) {
		Assert.notNull(client, "client must not be null");
		HttpCacheSettings settings = client.cache();
		Assert.isTrue(settings.enabled(), "the cache must be enabled");
		Assert.notNull(cache, "cache must not be null");
		this.settings = settings;
		this.store = new CacheStore(cache, settings.timeout());
		this.keys = new CacheKeys(client);
		Map<String, String> defaults = new LinkedHashMap<>();
		client.headers()
			.defaultHeaders()
			.forEach((name, value) -> defaults.put(name.toLowerCase(java.util.Locale.ROOT), value));
		this.defaultHeaders = defaults;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public Stage stage() {
		return Stage.CALL;
	}

	@Override
	public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
		if (!this.settings.caches(request.entity())) {
			return next.exchange(request);
		}
		HttpMethod method = request.method();
		if (HttpMethod.GET.equals(method)) {
			BodyReader reader = (BodyReader) request.attribute(ExchangeAttributes.BODY_READER);
			return (reader != null) ? get(request, next, reader) : next.exchange(request);
		}
		if (HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
			return next.exchange(request);
		}
		// A write: whatever its outcome (a timed-out write may have been applied), what
		// was
		// kept of its collection is no longer to be trusted.
		return next.exchange(request)
			.flatMap((response) -> invalidate(request).thenReturn(response))
			.onErrorResume((failure) -> invalidate(request).then(Mono.error(failure)));
	}

	private Mono<Void> invalidate(ExchangeRequest request) {
		return Mono.defer(() -> {
			this.meters.invalidated(request);
			return this.store.put(this.keys.generation(request), UUID.randomUUID().toString());
		});
	}

	private Mono<ExchangeResponse> get(ExchangeRequest request, ExchangeChain next, BodyReader reader) {
		String generationKey = this.keys.generation(request);
		String entryKey = this.keys.entry(request);
		return Mono.zip(this.store.get(generationKey), this.store.get(entryKey))
			.flatMap((found) -> generation(generationKey, found.getT1())
				.flatMap((generation) -> answer(request, next, reader, entryKey, generation, found.getT2())));
	}

	/**
	 * The collection's generation; a collection without one (never written to, or its
	 * generation evicted) gets a new one, so that no entry kept before survives an
	 * eviction of the generation.
	 */
	private Mono<String> generation(String key, Optional<Object> found) {
		if (found.isPresent() && found.get() instanceof String generation) {
			return Mono.just(generation);
		}
		return this.store.putIfAbsent(key, UUID.randomUUID().toString()).map(String::valueOf);
	}

	private Mono<ExchangeResponse> answer(ExchangeRequest request, ExchangeChain next, BodyReader reader,
			String entryKey, String generation, Optional<Object> found) {
		CachedResponse entry = usable(request, generation, found.orElse(null));
		if (entry != null && entry.freshAt(this.clock.millis())) {
			this.meters.hit(request);
			return Mono.fromCallable(() -> served(request, reader, entry));
		}
		if (entry != null && (entry.etag() != null || entry.lastModified() != null)) {
			return revalidate(request, next, reader, entryKey, generation, entry);
		}
		this.meters.miss(request);
		return fetch(request.mutate().attribute(ExchangeAttributes.KEEP_BODY, Boolean.TRUE).build(), next, entryKey,
				generation);
	}

	private @Nullable CachedResponse usable(ExchangeRequest request, String generation, @Nullable Object found) {
		if (!(found instanceof CachedResponse entry) || !generation.equals(entry.generation())) {
			return null;
		}
		// Vary: an answer kept for other values of the headers it names is not this
		// one's.
		return varying(request, entry.varyNames()).equals(entry.varying()) ? entry : null;
	}

	private Mono<ExchangeResponse> revalidate(ExchangeRequest request, ExchangeChain next, BodyReader reader,
			String entryKey, String generation, CachedResponse entry) {
		ExchangeRequest.Builder conditional = request.mutate()
			.attribute(ExchangeAttributes.KEEP_BODY, Boolean.TRUE)
			.attribute(ExchangeAttributes.ACCEPT_NOT_MODIFIED, Boolean.TRUE);
		String etag = entry.etag();
		if (etag != null) {
			conditional.header(HttpHeaders.IF_NONE_MATCH, etag);
		}
		String lastModified = entry.lastModified();
		if (lastModified != null) {
			conditional.header(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
		}
		return next.exchange(conditional.build()).flatMap((response) -> {
			if (response.status() != 304) {
				this.meters.miss(request);
				return store(request, entryKey, generation, response).thenReturn(response);
			}
			this.meters.revalidated(request);
			long now = this.clock.millis();
			CachedResponse updated = entry.revalidated(response.headers(), now);
			// An answer revalidated before every use (no-cache) with the same validator
			// is kept as it is: writing it again would cost a round trip to the cache.
			boolean changed = updated.freshAt(now) || !Objects.equals(updated.etag(), entry.etag())
					|| !Objects.equals(updated.lastModified(), entry.lastModified());
			Mono<Void> kept = changed ? this.store.put(entryKey, updated) : Mono.empty();
			return kept.then(Mono.fromCallable(() -> served(request, reader, updated)));
		});
	}

	private Mono<ExchangeResponse> fetch(ExchangeRequest request, ExchangeChain next, String entryKey,
			String generation) {
		return next.exchange(request)
			.flatMap((response) -> store(request, entryKey, generation, response).thenReturn(response));
	}

	private Mono<Void> store(ExchangeRequest request, String entryKey, String generation, ExchangeResponse response) {
		byte[] body = response.bodyBytes();
		HttpHeaders headers = response.headers();
		if (body == null || body.length > this.settings.maxEntrySize()
				|| (response.status() != 200 && response.status() != 203) || !Freshness.of(headers).storable(headers)) {
			return Mono.empty();
		}
		CachedResponse entry = new CachedResponse(response.status(), headers, body, this.clock.millis(), generation,
				varying(request, Freshness.varyNames(headers)));
		return this.store.put(entryKey, entry);
	}

	private ExchangeResponse served(ExchangeRequest request, BodyReader reader, CachedResponse entry) {
		HttpHeaders headers = entry.headers();
		return ExchangeResponse.of(entry.status(), headers, reader.read(request, entry.body(), headers));
	}

	/**
	 * The request's values of the headers a {@code Vary} names: those api-orm and the
	 * call policies set, else the client's default headers; an empty string for none.
	 */
	private Map<String, String> varying(ExchangeRequest request, Iterable<String> names) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : names) {
			String value = String.join(",", request.headers().getValuesAsList(name));
			if (value.isEmpty()) {
				value = this.defaultHeaders.getOrDefault(name, "");
			}
			values.put(name, value);
		}
		return values;
	}

	@Override
	public String toString() {
		return "HttpCachePolicy '" + this.store.name() + "'";
	}

}
