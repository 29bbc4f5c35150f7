package dev.apiorm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.apiorm.ApiOrm;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code apiOrm} health contributor: one component per
 * configured client. Turned off with {@code management.health.api-orm.enabled=false}.
 */
@AutoConfiguration(after = ApiOrmAutoConfiguration.class)
@ConditionalOnClass({ ApiOrm.class, ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ApiOrm.class)
@ConditionalOnEnabledHealthIndicator("api-orm")
public final class ApiOrmHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "apiOrmHealthContributor")
	ReactiveHealthContributor apiOrmHealthContributor(ApiOrm apiOrm, ApiOrmProperties properties) {
		ApiClientSettingsFactory settings = new ApiClientSettingsFactory(properties);
		Map<String, ReactiveHealthContributor> clients = new LinkedHashMap<>();
		for (String name : apiOrm.clientNames()) {
			clients.put(name, new ApiClientHealthIndicator(apiOrm.reactiveTemplate(name), settings.healthPath(name),
					settings.healthTimeout(name), settings.healthCacheTtl(name)));
		}
		return CompositeReactiveHealthContributor.fromMap(clients);
	}

}
