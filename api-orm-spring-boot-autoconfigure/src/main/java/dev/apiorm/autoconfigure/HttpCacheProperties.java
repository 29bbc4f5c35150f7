package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.unit.DataSize;

import dev.apiorm.core.HttpCacheSettings;

/**
 * The HTTP cache of one client ({@code api-orm.cache.*}): its GETs answered from a Spring
 * cache while fresh, revalidated with a 304 when stale. A key left unset keeps the value
 * it is applied to.
 */
public class HttpCacheProperties {

	/**
	 * Whether the client's GETs are cached (default false).
	 */
	private @Nullable Boolean enabled;

	/**
	 * Name of the cache, in the application's CacheManager, that keeps the answers
	 * (default api-orm). A cache in Redis is shared by every instance.
	 */
	private @Nullable String name;

	/**
	 * Models whose GETs are cached, by simple or fully qualified class name (default:
	 * every model of the client).
	 */
	private @Nullable Set<String> models;

	/**
	 * Largest body kept; a larger answer is not stored (default 1MB).
	 */
	private @Nullable DataSize maxEntrySize;

	/**
	 * Longest wait for a cache outside this JVM (Redis) to read or write an entry; beyond
	 * it the request goes to the API as without a cache (default 500ms).
	 */
	private @Nullable Duration timeout;

	HttpCacheSettings applyTo(HttpCacheSettings settings) {
		PropertyMapper map = PropertyMapper.get();
		settings = map.from(this.enabled).to(settings, HttpCacheSettings::withEnabled);
		settings = map.from(this.name).to(settings, HttpCacheSettings::withName);
		settings = map.from(this.models).to(settings, HttpCacheSettings::withModels);
		settings = map.from(this.maxEntrySize).as(DataSize::toBytes).to(settings, HttpCacheSettings::withMaxEntrySize);
		return map.from(this.timeout).to(settings, HttpCacheSettings::withTimeout);
	}

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Set<String> getModels() {
		return this.models;
	}

	public void setModels(@Nullable Set<String> models) {
		this.models = models;
	}

	public @Nullable DataSize getMaxEntrySize() {
		return this.maxEntrySize;
	}

	public void setMaxEntrySize(@Nullable DataSize maxEntrySize) {
		this.maxEntrySize = maxEntrySize;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

}
