package dev.apiorm;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cache.CacheManager;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.ApiWebClientFactory;
import dev.apiorm.core.ClientConnectorFactory;
import dev.apiorm.core.ModelValidator;
import dev.apiorm.core.ReactiveApiTemplate;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.core.ratelimit.RateBudgets;
import dev.apiorm.core.cache.HttpCacheMeters;
import dev.apiorm.core.cache.HttpCachePolicies;
import dev.apiorm.core.ratelimit.RateLimitPolicies;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.builtin.ClientDialects;
import dev.apiorm.dialect.builtin.DialectSettings;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.schema.ApiSchema;
import dev.apiorm.schema.SchemaCheck;

/**
 * Builds an {@link ApiOrm} without Spring Boot (Spring Boot's auto-configuration builds
 * its own with it): the default client from {@link #baseUrl}, {@link #token} and its
 * {@link ApiClientOptions}, more clients with {@link #client}.
 * <p>
 * The default client's options are held once, as {@link ApiClientOptions}: each setter
 * named after a property ({@link #timeout}, {@link #pageSize}, ...) replaces one value of
 * them, and {@link #options(UnaryOperator)} reaches every value, the defaults being those
 * of the groups' {@code DEFAULTS}.
 */
public final class ApiOrmBuilder implements ApiClientOptionsSetters<ApiOrmBuilder> {

	private static final Log logger = LogFactory.getLog(ApiOrmBuilder.class);

	private @Nullable URI baseUrl;

	private @Nullable String token;

	private ApiClientOptions options = ApiClientOptions.DEFAULTS;

	private final Map<String, ApiClientSettings> clients = new LinkedHashMap<>();

	private final List<Dialect> dialects = new ArrayList<>();

	private DialectSettings dialectsMadeWith = DialectSettings.DEFAULTS;

	private final Map<String, ApiSchema> schemas = new LinkedHashMap<>();

	private final List<ApiOrmClientCustomizer> clientCustomizers = new ArrayList<>();

	private final List<ExchangePolicy> exchangePolicies = new ArrayList<>();

	private ClientConnectorFactory connectors = ClientConnectorFactory.REACTOR;

	private @Nullable EntityCallbacks entityCallbacks;

	private @Nullable ApiMappingContext mappingContext;

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable JsonMapper jsonMapper;

	private @Nullable Validator validator;

	private boolean defaultValidator = true;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable RateBudgets rateBudgets;

	private @Nullable MeterRegistry meterRegistry;

	private @Nullable CacheManager cacheManager;

	private ApiExchangeObservationConvention convention = new DefaultApiExchangeObservationConvention();

	ApiOrmBuilder() {
	}

	/**
	 * The base URL of the default client ({@code api-orm.base-url}).
	 * @param baseUrl an absolute http(s) URL
	 * @return this builder
	 * @throws ConfigurationException when the URL is malformed
	 */
	public ApiOrmBuilder baseUrl(String baseUrl) {
		try {
			return baseUrl(URI.create(baseUrl));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigurationException("Invalid value for api-orm.base-url: not a URL", ex);
		}
	}

	/**
	 * The base URL of the default client ({@code api-orm.base-url}).
	 * @param baseUrl an absolute http(s) URL
	 * @return this builder
	 */
	public ApiOrmBuilder baseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	/**
	 * The token of the default client, sent as
	 * {@code Authorization: <authScheme> <token>} ({@code api-orm.token}).
	 * @param token the token, {@code null} for none
	 * @return this builder
	 */
	public ApiOrmBuilder token(@Nullable String token) {
		this.token = token;
		return this;
	}

	@Override
	public ApiOrmBuilder options(UnaryOperator<ApiClientOptions> change) {
		this.options = change.apply(this.options);
		return this;
	}

	/**
	 * Adds a dialect of your own and makes it the default client's.
	 * @param dialect the dialect; clients choose it by its {@link Dialect#name()}
	 * @return this builder
	 */
	public ApiOrmBuilder dialect(Dialect dialect) {
		Assert.notNull(dialect, "dialect must not be null");
		this.dialects.add(dialect);
		return dialect(dialect.name());
	}

	/**
	 * Adds dialects that clients can choose by name, without choosing one for the default
	 * client; a dialect named like a built-in one replaces it for the clients that do not
	 * set that dialect's settings.
	 * @param dialects the dialects
	 * @return this builder
	 */
	public ApiOrmBuilder dialects(Collection<? extends Dialect> dialects) {
		Assert.notNull(dialects, "dialects must not be null");
		this.dialects.addAll(dialects);
		return this;
	}

	/**
	 * Adds dialects made from some dialect settings (as Spring Boot makes its dialect
	 * beans from {@code api-orm.*}): a dialect named like a built-in one serves the
	 * clients whose settings for it are these; a client whose settings differ gets an
	 * instance of its own.
	 * @param dialects the dialects
	 * @param madeWith the settings they were made with
	 * @return this builder
	 */
	public ApiOrmBuilder dialects(Collection<? extends Dialect> dialects, DialectSettings madeWith) {
		Assert.notNull(madeWith, "madeWith must not be null");
		this.dialectsMadeWith = madeWith;
		return dialects(dialects);
	}

	/**
	 * The OpenAPI document of a client's API: derived queries are checked against it when
	 * repositories are created ({@code SchemaCheck#problems()}), and a filter on a
	 * parameter it does not declare fails before anything is sent.
	 * @param clientName the client, {@link ApiOrm#DEFAULT_CLIENT} for the default one
	 * @param schema the document
	 * @return this builder
	 */
	public ApiOrmBuilder schema(String clientName, ApiSchema schema) {
		Assert.hasText(clientName, "clientName must not be empty");
		Assert.notNull(schema, "schema must not be null");
		this.schemas.put(clientName, schema);
		return this;
	}

	/**
	 * Adds a named client with complete settings.
	 * @param settings the settings, named
	 * @return this builder
	 */
	public ApiOrmBuilder client(ApiClientSettings settings) {
		Assert.notNull(settings, "settings must not be null");
		this.clients.put(settings.name(), settings);
		return this;
	}

	/**
	 * Adds a customizer of every client's {@link WebClient.Builder}, applied after the
	 * base URL, headers and pool are set.
	 * @param customizer the customizer
	 * @return this builder
	 */
	public ApiOrmBuilder clientCustomizer(ApiOrmClientCustomizer customizer) {
		Assert.notNull(customizer, "customizer must not be null");
		this.clientCustomizers.add(customizer);
		return this;
	}

	/**
	 * Adds a policy around every request of every client, after those added before it in
	 * its {@link ExchangePolicy#stage() stage} (per call, or per attempt).
	 * @param policy the policy
	 * @return this builder
	 */
	public ApiOrmBuilder exchangePolicy(ExchangePolicy policy) {
		Assert.notNull(policy, "policy must not be null");
		this.exchangePolicies.add(policy);
		return this;
	}

	/**
	 * The Spring Data entity callbacks every client calls before it creates or saves an
	 * instance ({@link dev.apiorm.core.BeforeSaveCallback}, auditing); Spring Boot's
	 * auto-configuration passes the application context's.
	 * @param entityCallbacks the callbacks
	 * @return this builder
	 */
	public ApiOrmBuilder entityCallbacks(EntityCallbacks entityCallbacks) {
		Assert.notNull(entityCallbacks, "entityCallbacks must not be null");
		this.entityCallbacks = entityCallbacks;
		return this;
	}

	/**
	 * How each client's connector is made from the HTTP client api-orm configures; Spring
	 * Boot's auto-configuration goes through Boot's {@code ClientHttpConnectorBuilder}.
	 * @param connectors the factory
	 * @return this builder
	 */
	public ApiOrmBuilder clientConnectorFactory(ClientConnectorFactory connectors) {
		Assert.notNull(connectors, "connectors must not be null");
		this.connectors = connectors;
		return this;
	}

	/**
	 * The mapping context of the models; by default one on the {@link #jsonMapper}.
	 * @param mappingContext the mapping context
	 * @return this builder
	 */
	public ApiOrmBuilder mappingContext(ApiMappingContext mappingContext) {
		this.mappingContext = mappingContext;
		return this;
	}

	/**
	 * The WebClient builder to clone for each client (Boot's, with its customizers).
	 * @param webClientBuilder the builder
	 * @return this builder
	 */
	public ApiOrmBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/**
	 * The JSON mapper for records (unknown properties are always tolerated).
	 * @param jsonMapper the mapper
	 * @return this builder
	 */
	public ApiOrmBuilder jsonMapper(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		return this;
	}

	/**
	 * The Bean Validation validator; by default one is created when a provider is on the
	 * class path.
	 * @param validator the validator, {@code null} for no validation
	 * @return this builder
	 */
	public ApiOrmBuilder validator(@Nullable Validator validator) {
		this.validator = validator;
		this.defaultValidator = false;
		return this;
	}

	/**
	 * The registry that observes every exchange.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public ApiOrmBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Where the clients' rate budgets ({@code api-orm.rate-limit.*}) are kept; by default
	 * in this JVM, closed with the templates.
	 * @param rateBudgets the budgets, {@code null} for the default
	 * @return this builder
	 */
	public ApiOrmBuilder rateBudgets(@Nullable RateBudgets rateBudgets) {
		this.rateBudgets = rateBudgets;
		return this;
	}

	/**
	 * Where api-orm's own meters go (the rate budgets' waits), besides the observations.
	 * @param meterRegistry the registry, {@code null} for none
	 * @return this builder
	 */
	public ApiOrmBuilder meterRegistry(@Nullable MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
		return this;
	}

	/**
	 * Where the clients whose HTTP cache is on ({@code api-orm.cache.*}) keep answers, by
	 * the cache name each gives.
	 * @param cacheManager the caches, {@code null} for none
	 * @return this builder
	 */
	public ApiOrmBuilder cacheManager(@Nullable CacheManager cacheManager) {
		this.cacheManager = cacheManager;
		return this;
	}

	/**
	 * The naming of the exchanges' observations (by default
	 * {@link DefaultApiExchangeObservationConvention}).
	 * @param convention the convention
	 * @return this builder
	 */
	public ApiOrmBuilder observationConvention(ApiExchangeObservationConvention convention) {
		this.convention = convention;
		return this;
	}

	/**
	 * The settings of the default client as set on this builder.
	 * @return the settings
	 * @throws ConfigurationException when no base URL was set or a value is wrong
	 */
	public ApiClientSettings defaultSettings() {
		if (this.baseUrl == null) {
			throw new ConfigurationException("api-orm needs a base URL (ApiOrm.builder().baseUrl(...))");
		}
		return new ApiClientSettings(ApiOrm.DEFAULT_CLIENT, this.baseUrl, this.token, this.options);
	}

	/**
	 * Builds the instance and its clients' connection pools.
	 * @return the instance
	 * @throws ConfigurationException when a setting is wrong
	 */
	public ApiOrm build() {
		return new ApiOrm(buildTemplates());
	}

	/**
	 * Builds the templates of the clients and their connection pools, which closing the
	 * templates releases: the default client first, when it has a base URL, then the
	 * named ones in the order they were added.
	 * @return the templates
	 * @throws ConfigurationException when a setting is wrong
	 */
	public ApiTemplates buildTemplates() {
		Map<String, ApiClientSettings> all = new LinkedHashMap<>();
		if (this.baseUrl != null) {
			all.put(ApiOrm.DEFAULT_CLIENT, defaultSettings());
		}
		all.putAll(this.clients);
		ApiMappingContext mappingContext = (this.mappingContext != null) ? this.mappingContext
				: (this.jsonMapper != null) ? new ApiMappingContext(this.jsonMapper) : new ApiMappingContext();
		ClientDialects dialects = new ClientDialects(mappingContext.getJsonMapper(), this.dialects,
				this.dialectsMadeWith);
		WebClient.Builder webClients = (this.webClientBuilder != null) ? this.webClientBuilder : WebClient.builder();
		ModelValidator modelValidator = ModelValidator.of(validator());
		Map<String, ReactiveApiTemplate> templates = new LinkedHashMap<>();
		Map<String, WebClient> webClientsByName = new LinkedHashMap<>();
		List<Mono<Void>> disposables = new ArrayList<>();
		RateLimitPolicies rateLimits = new RateLimitPolicies(this.rateBudgets, this.meterRegistry, disposables);
		HttpCachePolicies caches = new HttpCachePolicies(this.cacheManager, new HttpCacheMeters(this.meterRegistry));
		for (ApiClientSettings settings : all.values()) {
			Dialect dialect = dialects.dialectOf(settings.dialect(), ApiClientSettings.propertyPrefix(settings.name()));
			ApiWebClientFactory.ApiWebClient client = ApiWebClientFactory.create(webClients, settings,
					this.clientCustomizers, this.connectors);
			webClientsByName.put(settings.name(), client.webClient());
			disposables.add(client.dispose());
			ApiSchema schema = this.schemas.get(settings.name());
			SchemaCheck schemaCheck = (schema != null) ? new SchemaCheck(schema, settings.baseUrl()) : null;
			logger.info("api-orm client '" + settings.name() + "': " + settings.displayUrl() + ", dialect "
					+ dialect.name() + ", " + (settings.http().http2() ? "HTTP/2" : "HTTP/1.1"));
			templates.put(settings.name(),
					new ReactiveApiTemplate(settings, client.engine(), dialect, mappingContext, modelValidator,
							this.observationRegistry, this.convention, schemaCheck,
							rateLimits.around(caches.around(this.exchangePolicies, settings), settings), List.of(),
							this.entityCallbacks));
		}
		return new ApiTemplates(mappingContext, templates, disposables, webClientsByName);
	}

	private @Nullable Validator validator() {
		if (!this.defaultValidator) {
			return this.validator;
		}
		try {
			return jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
