package dev.apiorm.core.cache;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.util.Assert;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.exception.ConfigurationException;

/**
 * Adds an {@link HttpCachePolicy} to the policies of each client whose cache is on, as
 * the last of its call policies, right outside the retry: a fresh answer costs no
 * attempt, and a revalidation is retried as any GET. The caches come from the
 * application's {@link CacheManager}, by the name each client's settings give.
 */
public final class HttpCachePolicies {

	private final @Nullable CacheManager cacheManager;

	private final HttpCacheSettings defaults;

	private final Map<String, HttpCacheSettings> clients;

	private final HttpCacheMeters meters;

	/**
	 * The caches of a set of clients.
	 * @param cacheManager where the caches are, {@code null} when the application has
	 * none (then no client may turn its cache on)
	 * @param defaults the settings of a client not in {@code clients}
	 * @param clients the settings of clients by name
	 * @param meters where hits, misses and revalidations are counted
	 */
	public HttpCachePolicies(@Nullable CacheManager cacheManager, HttpCacheSettings defaults,
			Map<String, HttpCacheSettings> clients, HttpCacheMeters meters) {
		Assert.notNull(defaults, "defaults must not be null");
		Assert.notNull(clients, "clients must not be null");
		Assert.notNull(meters, "meters must not be null");
		this.cacheManager = cacheManager;
		this.defaults = defaults;
		this.clients = Map.copyOf(clients);
		this.meters = meters;
	}

	/**
	 * The same settings for every client.
	 * @param cacheManager where the caches are
	 * @param settings the settings of every client
	 * @return the policies
	 */
	public static HttpCachePolicies of(CacheManager cacheManager, HttpCacheSettings settings) {
		return new HttpCachePolicies(cacheManager, settings, Map.of(), HttpCacheMeters.NONE);
	}

	/**
	 * The settings of a client.
	 * @param client the client's name
	 * @return its own, else the defaults
	 */
	public HttpCacheSettings settingsOf(String client) {
		return this.clients.getOrDefault(client, this.defaults);
	}

	/**
	 * The policies of a client.
	 * @param policies the application's policies
	 * @param client the client
	 * @return the same policies, followed by the client's cache when it has one
	 * @throws ConfigurationException when the cache is on but cannot be found
	 */
	public List<ExchangePolicy> around(List<ExchangePolicy> policies, ApiClientSettings client) {
		HttpCacheSettings settings = settingsOf(client.name());
		String prefix = propertyPrefix(client.name());
		settings.check(prefix);
		if (!settings.enabled()) {
			return policies;
		}
		if (this.cacheManager == null) {
			throw new ConfigurationException(prefix + "enabled is true, but the application has no CacheManager "
					+ "(declare one, or add @EnableCaching and spring.cache.* for Boot's own)");
		}
		Cache cache = this.cacheManager.getCache(settings.name());
		if (cache == null) {
			throw new ConfigurationException("Invalid value '" + settings.name() + "' for " + prefix
					+ "name: the application's CacheManager has no such cache");
		}
		List<ExchangePolicy> withCache = new ArrayList<>(policies);
		withCache.add(new HttpCachePolicy(client, settings, cache, this.meters, Clock.systemUTC()));
		return withCache;
	}

	/**
	 * The prefix of a client's cache properties.
	 * @param client the client's name
	 * @return {@code api-orm.cache.} for the default client,
	 * {@code api-orm.cache.clients.<name>.} for the others
	 */
	public static String propertyPrefix(String client) {
		return "default".equals(client) ? "api-orm.cache." : "api-orm.cache.clients." + client + ".";
	}

}
