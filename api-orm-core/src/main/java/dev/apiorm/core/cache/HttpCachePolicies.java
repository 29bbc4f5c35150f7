package dev.apiorm.core.cache;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.util.Assert;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.HttpCacheSettings;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.exception.ConfigurationException;

/**
 * Adds an {@link HttpCachePolicy} to the policies of each client whose cache is on
 * ({@code api-orm.cache.enabled}), as the last of its call policies, right outside the
 * retry: a fresh answer costs no attempt, and a revalidation is retried as any GET. The
 * caches come from the application's {@link CacheManager}, by the name each client's
 * settings give.
 */
public final class HttpCachePolicies {

	private final @Nullable CacheManager cacheManager;

	private final HttpCacheMeters meters;

	/**
	 * The caches of a set of clients.
	 * @param cacheManager where the caches are, {@code null} when the application has
	 * none (then no client may turn its cache on)
	 * @param meters where hits, misses and revalidations are counted
	 */
	public HttpCachePolicies(@Nullable CacheManager cacheManager, HttpCacheMeters meters) {
		Assert.notNull(meters, "meters must not be null");
		this.cacheManager = cacheManager;
		this.meters = meters;
	}

	/**
	 * The policies of a client.
	 * @param policies the application's policies
	 * @param client the client
	 * @return the same policies, followed by the client's cache when it has one
	 * @throws ConfigurationException when the cache is on but cannot be found
	 */
	public List<ExchangePolicy> around(List<ExchangePolicy> policies, ApiClientSettings client) {
		HttpCacheSettings settings = client.cache();
		if (!settings.enabled()) {
			return policies;
		}
		String prefix = ApiClientSettings.propertyPrefix(client.name()) + "cache.";
		if (this.cacheManager == null) {
			throw new ConfigurationException(prefix + "enabled is true, but the application has no CacheManager "
					+ "(declare one, or add @EnableCaching and spring.cache.* for Boot's own; without Spring Boot: "
					+ "ApiOrm.builder().cacheManager(...))");
		}
		Cache cache = this.cacheManager.getCache(settings.name());
		if (cache == null) {
			throw new ConfigurationException("Invalid value '" + settings.name() + "' for " + prefix
					+ "name: the application's CacheManager has no such cache");
		}
		List<ExchangePolicy> withCache = new ArrayList<>(policies);
		withCache.add(new HttpCachePolicy(client, cache, this.meters, Clock.systemUTC()));
		return withCache;
	}

}
