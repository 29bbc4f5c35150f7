package dev.apiorm.core.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import dev.apiorm.core.exchange.ExchangeRequest;

/**
 * The meters of the HTTP caches: {@code api.orm.cache.requests}, a counter tagged
 * {@code client}, {@code model} and {@code result} ({@code hit}: served without a
 * request; {@code revalidated}: a 304 answered from the cache; {@code miss}: the API sent
 * the body), and {@code api.orm.cache.invalidations}, tagged {@code client} and
 * {@code model}, one per write that renewed a collection's generation. The counters are
 * registered once per client, model and result, and looked up in a map after that.
 */
public final class HttpCacheMeters {

	/** No meters. */
	public static final HttpCacheMeters NONE = new HttpCacheMeters(null);

	private final @Nullable MeterRegistry registry;

	private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Meters in a registry.
	 * @param registry the registry, {@code null} for none
	 */
	public HttpCacheMeters(@Nullable MeterRegistry registry) {
		this.registry = registry;
	}

	void hit(ExchangeRequest request) {
		count("api.orm.cache.requests", request, "hit");
	}

	void miss(ExchangeRequest request) {
		count("api.orm.cache.requests", request, "miss");
	}

	void revalidated(ExchangeRequest request) {
		count("api.orm.cache.requests", request, "revalidated");
	}

	void invalidated(ExchangeRequest request) {
		count("api.orm.cache.invalidations", request, null);
	}

	private void count(String name, ExchangeRequest request, @Nullable String result) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		String model = request.entity().getModelName();
		String key = name + '\n' + request.client() + '\n' + model + '\n' + result;
		this.counters.computeIfAbsent(key, (unused) -> {
			Counter.Builder counter = Counter.builder(name).tag("client", request.client()).tag("model", model);
			if (result != null) {
				counter.tag("result", result).description("GETs of the api-orm HTTP cache, by result");
			}
			else {
				counter.description("Writes that invalidated what the api-orm HTTP cache kept of a collection");
			}
			return counter.register(registry);
		}).increment();
	}

}
