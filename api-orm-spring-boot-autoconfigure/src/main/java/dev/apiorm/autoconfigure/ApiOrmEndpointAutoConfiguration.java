package dev.apiorm.autoconfigure;

import dev.apiorm.ApiOrm;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Auto-configuration of the {@code apiorm} Actuator endpoint ({@link ApiOrmEndpoint}),
 * present when the endpoint is enabled and exposed
 * ({@code management.endpoints.web.exposure.include=apiorm}).
 */
@AutoConfiguration(after = ApiOrmAutoConfiguration.class)
@ConditionalOnClass({ ApiOrm.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ApiOrm.class)
@ConditionalOnAvailableEndpoint(ApiOrmEndpoint.class)
@ImportRuntimeHints(ApiOrmEndpointRuntimeHints.class)
public final class ApiOrmEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ApiOrmEndpoint apiOrmEndpoint(ApiOrm apiOrm) {
		return new ApiOrmEndpoint(apiOrm);
	}

}
