package dev.apiorm.autoconfigure;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.ApiOrmClientCustomizer;
import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.ClientConnectorFactory;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.core.ratelimit.RateBudgets;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.exception.ConfigurationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of api-orm's infrastructure, one bean per concern, each replaceable:
 * the {@link ApiMappingContext} of the models (on Boot's JSON mapper), one bean per
 * built-in dialect ({@link BuiltInDialectBeans}) beside any {@link Dialect} bean of the
 * application, the {@link ApiExchangeObservationConvention}, the {@link ApiTemplates} of
 * every configured client (each on a clone of Boot's {@link WebClient.Builder}, so
 * customizers and observations apply, and with every {@link ExchangePolicy} bean around
 * its requests, in {@code @Order}), the default client's templates, and the
 * {@link ApiOrm} facade.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ ApiOrm.class, WebClient.class })
@EnableConfigurationProperties(ApiOrmProperties.class)
@Import(BuiltInDialectBeans.class)
public final class ApiOrmAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ApiMappingContext apiMappingContext(ObjectProvider<JsonMapper> jsonMapper) {
		JsonMapper mapper = jsonMapper.getIfUnique();
		return (mapper != null) ? new ApiMappingContext(mapper) : new ApiMappingContext();
	}

	@Bean
	ApiClientSettingsFactory apiOrmClientSettings(ApiOrmProperties properties,
			ObjectProvider<HttpClientDefaults> httpDefaults, ApiSchemas schemas) {
		return new ApiClientSettingsFactory(properties, httpDefaults.getIfAvailable(() -> HttpClientDefaults.NONE),
				schemas.schemas());
	}

	@Bean
	@ConditionalOnMissingBean
	ApiExchangeObservationConvention apiExchangeObservationConvention() {
		return new DefaultApiExchangeObservationConvention();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ApiTemplates apiTemplates(ApiClientSettingsFactory settings, Environment environment,
			ApiMappingContext mappingContext, ApiSchemas schemas, ObjectProvider<Dialect> dialects,
			ApiExchangeObservationConvention convention, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<Validator> validator, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ApiOrmBuilderCustomizer> customizers,
			ObjectProvider<ApiOrmClientCustomizer> clientCustomizers, ObjectProvider<ClientConnectorFactory> connectors,
			ObjectProvider<ExchangePolicy> exchangePolicies, ObjectProvider<RateBudgets> rateBudgets,
			ObjectProvider<MeterRegistry> meterRegistry, BeanFactory beanFactory) {
		ClientKeys.check(environment);
		ClientConnectorFactory connector = connectors.getIfAvailable();
		ApiOrmBuilder builder = ApiOrm.builder()
			.mappingContext(mappingContext)
			.dialects(dialects.orderedStream().toList(), settings.rootDialect())
			.observationConvention(convention)
			.clientConnectorFactory((connector != null) ? connector : ClientConnectorFactory.REACTOR)
			.entityCallbacks(EntityCallbacks.create(beanFactory));
		// The default client is the builder's own: a customizer's setters reach it.
		ApiClientOptions defaults = settings.defaultOptions();
		builder.options((options) -> defaults);
		settings.create().values().forEach((client) -> {
			if (connector == null && settings.sslBundle(client.name()) != null) {
				throw new ConfigurationException(ApiClientSettings.propertyPrefix(client.name())
						+ "ssl.bundle is set, but Boot's HTTP client module (spring-boot-http-client, in "
						+ "spring-boot-starter-webclient), which applies SSL bundles, is not on the classpath");
			}
			if (ApiOrm.DEFAULT_CLIENT.equals(client.name())) {
				builder.baseUrl(client.baseUrl()).token(client.token());
			}
			else {
				builder.client(client);
			}
		});
		schemas.schemas().forEach(builder::schema);
		clientCustomizers.orderedStream().forEach(builder::clientCustomizer);
		exchangePolicies.orderedStream().forEach(builder::exchangePolicy);
		webClientBuilder.ifAvailable(builder::webClientBuilder);
		validator.ifUnique(builder::validator);
		observationRegistry.ifUnique(builder::observationRegistry);
		rateBudgets.ifUnique(builder::rateBudgets);
		meterRegistry.ifUnique(builder::meterRegistry);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.buildTemplates();
	}

	/**
	 * Boot's HTTP client infrastructure under every client, where Boot's HTTP client
	 * module is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.http.client.HttpClientSettings")
	static final class BootHttpClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HttpClientDefaults apiOrmHttpClientDefaults(ObjectProvider<HttpClientSettings> httpClients) {
			HttpClientSettings http = httpClients.getIfAvailable(HttpClientSettings::defaults);
			return new HttpClientDefaults(http.connectTimeout(), http.redirects() != HttpRedirects.DONT_FOLLOW);
		}

		@Bean
		@ConditionalOnMissingBean
		ClientConnectorFactory apiOrmClientConnectorFactory(ObjectProvider<HttpClientSettings> httpClients,
				ObjectProvider<SslBundles> sslBundles, ApiOrmProperties properties) {
			return new BootClientConnectorFactory(httpClients.getIfAvailable(HttpClientSettings::defaults),
					sslBundles.getIfAvailable(), new ApiClientSettingsFactory(properties)::sslBundle);
		}

	}

	@Bean
	RetryOverlapWarning apiOrmRetryOverlapWarning(ConfigurableListableBeanFactory beans, ApiOrm apiOrm) {
		return new RetryOverlapWarning(beans, apiOrm);
	}

	@Bean
	ApiSchemas apiSchemas(ApiOrmProperties properties, ResourceLoader resourceLoader) {
		return new ApiSchemas(properties, resourceLoader);
	}

	@Bean
	ApiSchemaReport apiSchemaReport(ApiTemplates apiTemplates, ApiMappingContext mappingContext, ApiSchemas schemas) {
		return new ApiSchemaReport(apiTemplates, mappingContext, schemas);
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	ApiOrm apiOrm(ApiTemplates apiTemplates) {
		return new ApiOrm(apiTemplates);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("api-orm.base-url")
	ReactiveApiOperations reactiveApiTemplate(ApiTemplates apiTemplates) {
		return apiTemplates.getReactive(ApiOrm.DEFAULT_CLIENT);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("api-orm.base-url")
	ApiOperations apiTemplate(ApiTemplates apiTemplates) {
		return apiTemplates.getBlocking(ApiOrm.DEFAULT_CLIENT);
	}

}
