package dev.apiorm.core;

import java.time.Duration;
import java.util.Set;

import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * The HTTP cache of a client ({@code api-orm.cache.*}, applied by
 * {@link dev.apiorm.core.cache.HttpCachePolicies}): whether its GETs are cached, in which
 * Spring cache, for which models. Off by default. Each {@code withX} returns a copy with
 * one value changed.
 *
 * @param enabled whether the client's GETs are cached
 * @param name the name of the cache in the application's
 * {@link org.springframework.cache.CacheManager}
 * @param models the models whose GETs are cached (their names, simple or fully
 * qualified), empty for every model of the client
 * @param maxEntrySize the largest body kept, in bytes; a larger answer is not stored
 * @param timeout the longest wait for the cache (a Redis round trip); beyond it the
 * request goes to the API as if there were no entry
 */
public record HttpCacheSettings(boolean enabled, String name, Set<String> models, long maxEntrySize, Duration timeout) {

	/**
	 * Off; when on: the cache {@code api-orm}, every model, bodies up to 1 MB, 500 ms.
	 */
	public static final HttpCacheSettings DEFAULTS = new HttpCacheSettings(false, "api-orm", Set.of(), 1024 * 1024,
			Duration.ofMillis(500));

	public HttpCacheSettings {
		models = Set.copyOf(models);
	}

	/**
	 * Whether the GETs of a model are cached.
	 * @param entity the model
	 * @return {@code true} when the cache is on and the model is one of {@link #models()}
	 * (or that is empty)
	 */
	public boolean caches(ApiPersistentEntity<?> entity) {
		return this.enabled && (this.models.isEmpty() || this.models.contains(entity.getModelName())
				|| this.models.contains(entity.getType().getName()));
	}

	public HttpCacheSettings withEnabled(boolean enabled) {
		return new HttpCacheSettings(enabled, this.name, this.models, this.maxEntrySize, this.timeout);
	}

	public HttpCacheSettings withName(String name) {
		return new HttpCacheSettings(this.enabled, name, this.models, this.maxEntrySize, this.timeout);
	}

	public HttpCacheSettings withModels(Set<String> models) {
		return new HttpCacheSettings(this.enabled, this.name, models, this.maxEntrySize, this.timeout);
	}

	public HttpCacheSettings withMaxEntrySize(long maxEntrySize) {
		return new HttpCacheSettings(this.enabled, this.name, this.models, maxEntrySize, this.timeout);
	}

	public HttpCacheSettings withTimeout(Duration timeout) {
		return new HttpCacheSettings(this.enabled, this.name, this.models, this.maxEntrySize, timeout);
	}

	void check(String prefix) {
		if (this.name == null || this.name.isBlank()) {
			throw SettingRules.invalid(prefix + "name", this.name,
					"must name a cache of the application's CacheManager");
		}
		if (this.maxEntrySize <= 0) {
			throw SettingRules.invalid(prefix + "max-entry-size", this.maxEntrySize, "must be positive");
		}
		SettingRules.positive(this.timeout, prefix + "timeout");
	}

}
