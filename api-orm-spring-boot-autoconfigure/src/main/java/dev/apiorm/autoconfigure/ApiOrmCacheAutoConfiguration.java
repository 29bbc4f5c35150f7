package dev.apiorm.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;

import dev.apiorm.ApiOrm;

/**
 * Auto-configuration of the clients' HTTP caches ({@code api-orm.cache.*}): gives the
 * {@link ApiOrm} builder the application's {@link CacheManager} (Boot's, with
 * {@code @EnableCaching} and {@code spring.cache.*}: Caffeine in each JVM, Redis shared
 * by every instance; or one the application declares, its primary one when there are
 * several), looked up only when a client turns its cache on.
 */
@AutoConfiguration(afterName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass({ ApiOrm.class, CacheManager.class })
@EnableConfigurationProperties(ApiOrmProperties.class)
public final class ApiOrmCacheAutoConfiguration {

	@Bean
	ApiOrmBuilderCustomizer apiOrmHttpCacheCustomizer(ApiOrmProperties properties,
			ObjectProvider<CacheManager> cacheManagers) {
		return (builder) -> {
			boolean enabled = Boolean.TRUE.equals(properties.getCache().getEnabled()) || properties.getClients()
				.values()
				.stream()
				.anyMatch((client) -> Boolean.TRUE.equals(client.getCache().getEnabled()));
			if (enabled) {
				builder.cacheManager(cacheManagers.getIfUnique());
			}
		};
	}

}
