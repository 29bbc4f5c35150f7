package dev.apiorm.autoconfigure;

import dev.apiorm.ApiOrm;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the {@link ApiOrm}: one client per configured API, each on a
 * clone of Boot's {@link WebClient.Builder} (so customizers and observations apply), with
 * Boot's JSON mapper, validator and observation registry.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ ApiOrm.class, WebClient.class })
@EnableConfigurationProperties(ApiOrmProperties.class)
public final class ApiOrmAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ApiOrm apiOrm(ApiOrmProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Validator> validator,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ApiOrmBuilderCustomizer> customizers) {
		ApiOrm.Builder builder = ApiOrm.builder();
		new ApiClientSettingsFactory(properties).create().values().forEach(builder::client);
		webClientBuilder.ifAvailable(builder::webClientBuilder);
		jsonMapper.ifUnique(builder::jsonMapper);
		validator.ifUnique(builder::validator);
		observationRegistry.ifUnique(builder::observationRegistry);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
