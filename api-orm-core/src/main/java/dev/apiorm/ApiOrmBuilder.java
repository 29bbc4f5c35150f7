package dev.apiorm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

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
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.DialectRegistry;
import dev.apiorm.schema.ApiSchema;
import dev.apiorm.schema.SchemaCheck;
import dev.apiorm.exception.ConfigurationException;

/**
 * Builds an {@link ApiOrm} without Spring Boot: the default client from {@link #baseUrl}
 * and the other setters (whose defaults are those of
 * {@link ApiClientSettings#builder(String)}), more clients with {@link #client}.
 */
public final class ApiOrmBuilder {

	private static final Log logger = LogFactory.getLog(ApiOrmBuilder.class);

	private final ApiClientSettings.Builder defaultClient = ApiClientSettings.builder(ApiOrm.DEFAULT_CLIENT);

	private final Map<String, ApiClientSettings> clients = new LinkedHashMap<>();

	private final List<Dialect> dialects = new ArrayList<>();

	private @Nullable String drfNegationSuffix;

	private final Map<String, ApiSchema> schemas = new LinkedHashMap<>();

	private final List<ApiOrmClientCustomizer> clientCustomizers = new ArrayList<>();

	private final List<ExchangePolicy> exchangePolicies = new ArrayList<>();

	private ClientConnectorFactory connectors = ClientConnectorFactory.REACTOR;

	private @Nullable ApiMappingContext mappingContext;

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable JsonMapper jsonMapper;

	private @Nullable Validator validator;

	private boolean defaultValidator = true;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private ApiExchangeObservationConvention convention = new DefaultApiExchangeObservationConvention();

	ApiOrmBuilder() {
	}

	/**
	 * The base URL of the default client.
	 * @param baseUrl an absolute http(s) URL
	 * @return this builder
	 * @throws ConfigurationException when the URL is malformed
	 */
	public ApiOrmBuilder baseUrl(String baseUrl) {
		try {
			this.defaultClient.baseUrl(URI.create(baseUrl));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigurationException("Invalid value for api-orm.base-url: not a URL", ex);
		}
		return this;
	}

	/**
	 * The token of the default client, sent as
	 * {@code Authorization: <authScheme> <token>}.
	 * @param token the token
	 * @return this builder
	 */
	public ApiOrmBuilder token(@Nullable String token) {
		this.defaultClient.token(token);
		return this;
	}

	/**
	 * The scheme before the token ({@code Bearer}, or {@code Token} for DRF).
	 * @param authScheme the scheme
	 * @return this builder
	 */
	public ApiOrmBuilder authScheme(String authScheme) {
		this.defaultClient.authScheme(authScheme);
		return this;
	}

	/**
	 * Whether to speak HTTP/2.
	 * @param http2 {@code true} for h2 (TLS) or h2c (prior knowledge)
	 * @return this builder
	 */
	public ApiOrmBuilder http2(boolean http2) {
		this.defaultClient.http2(http2);
		return this;
	}

	/**
	 * The response timeout.
	 * @param timeout the timeout
	 * @return this builder
	 */
	public ApiOrmBuilder timeout(Duration timeout) {
		this.defaultClient.timeout(timeout);
		return this;
	}

	/**
	 * The connect timeout.
	 * @param connectTimeout the timeout
	 * @return this builder
	 */
	public ApiOrmBuilder connectTimeout(Duration connectTimeout) {
		this.defaultClient.connectTimeout(connectTimeout);
		return this;
	}

	/**
	 * The records per page when following pages.
	 * @param pageSize the page size
	 * @return this builder
	 */
	public ApiOrmBuilder pageSize(int pageSize) {
		this.defaultClient.pageSize(pageSize);
		return this;
	}

	/**
	 * How the API pages collections.
	 * @param pagination the pagination style
	 * @return this builder
	 */
	public ApiOrmBuilder pagination(Pagination pagination) {
		this.defaultClient.pagination(pagination);
		return this;
	}

	/**
	 * The name of the default client's dialect: a built-in one ({@code drf}) or one added
	 * with {@link #dialect(Dialect)}.
	 * @param dialect the name
	 * @return this builder
	 */
	public ApiOrmBuilder dialect(String dialect) {
		this.defaultClient.dialect(dialect);
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
		this.defaultClient.dialect(dialect.name());
		return this;
	}

	/**
	 * Adds dialects that clients can choose by name, without choosing one for the default
	 * client; a dialect named like a built-in one replaces it.
	 * @param dialects the dialects
	 * @return this builder
	 */
	public ApiOrmBuilder dialects(Collection<? extends Dialect> dialects) {
		Assert.notNull(dialects, "dialects must not be null");
		this.dialects.addAll(dialects);
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
	 * The connection pool.
	 * @param pool the pool settings
	 * @return this builder
	 */
	public ApiOrmBuilder pool(ApiClientSettings.Pool pool) {
		this.defaultClient.pool(pool);
		return this;
	}

	/**
	 * The largest response body read into memory.
	 * @param bytes the size in bytes
	 * @return this builder
	 */
	public ApiOrmBuilder maxResponseSize(int bytes) {
		this.defaultClient.maxResponseSize(bytes);
		return this;
	}

	/**
	 * How many creates of a bulk create run at once.
	 * @param bulkConcurrency the concurrency
	 * @return this builder
	 */
	public ApiOrmBuilder bulkConcurrency(int bulkConcurrency) {
		this.defaultClient.bulkConcurrency(bulkConcurrency);
		return this;
	}

	/**
	 * How many requests may be in flight at once; callers beyond wait.
	 * @param maxConcurrency the limit, {@code null} for none
	 * @return this builder
	 */
	public ApiOrmBuilder maxConcurrency(@Nullable Integer maxConcurrency) {
		this.defaultClient.maxConcurrency(maxConcurrency);
		return this;
	}

	/**
	 * How long a whole call of the default client may take, its attempts and waits
	 * included.
	 * @param deadline the deadline
	 * @return this builder
	 */
	public ApiOrmBuilder deadline(Duration deadline) {
		this.defaultClient.deadline(deadline);
		return this;
	}

	/**
	 * Whether the records a query of the default client returns are checked against the
	 * query (default {@code true}); see
	 * {@link dev.apiorm.exception.IgnoredFilterException}.
	 * @param verifyResults whether to check
	 * @return this builder
	 */
	public ApiOrmBuilder verifyResults(boolean verifyResults) {
		this.defaultClient.verifyResults(verifyResults);
		return this;
	}

	/**
	 * Whether {@code save} of the default client's instances sends only what changed
	 * since they were read (default {@code true}).
	 * @param saveChangedFields whether to track changes
	 * @return this builder
	 */
	public ApiOrmBuilder saveChangedFields(boolean saveChangedFields) {
		this.defaultClient.saveChangedFields(saveChangedFields);
		return this;
	}

	/**
	 * Whether the default client's writes send {@code If-Match} with the {@code ETag}
	 * read (default {@code true}).
	 * @param optimisticLocking whether to send {@code If-Match}
	 * @return this builder
	 */
	public ApiOrmBuilder optimisticLocking(boolean optimisticLocking) {
		this.defaultClient.optimisticLocking(optimisticLocking);
		return this;
	}

	/**
	 * Turns on {@code exclude()} in the {@code drf} dialect, for an API that declares
	 * negated filters ({@code exclude=True}) named with this suffix: {@code n} for
	 * {@code role__n=banned}. Without it the dialect refuses negations, which
	 * django-filter would silently ignore.
	 * @param suffix the suffix, {@code null} for none
	 * @return this builder
	 */
	public ApiOrmBuilder drfNegationSuffix(@Nullable String suffix) {
		this.drfNegationSuffix = suffix;
		return this;
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
	 * Headers the default client sends with every request.
	 * @param headers header names and values
	 * @return this builder
	 */
	public ApiOrmBuilder defaultHeaders(Map<String, String> headers) {
		this.defaultClient.defaultHeaders(headers);
		return this;
	}

	/**
	 * Whether the default client asks for gzip-compressed responses (default
	 * {@code false}).
	 * @param compression whether to ask
	 * @return this builder
	 */
	public ApiOrmBuilder compression(boolean compression) {
		this.defaultClient.compression(compression);
		return this;
	}

	/**
	 * Which redirects the default client follows (default same-origin).
	 * @param redirects the rule
	 * @return this builder
	 */
	public ApiOrmBuilder redirects(ApiClientSettings.Redirects redirects) {
		this.defaultClient.redirects(redirects);
		return this;
	}

	/**
	 * The default client's {@code User-Agent} header (default {@code api-orm/<version>}).
	 * @param userAgent the header's value
	 * @return this builder
	 */
	public ApiOrmBuilder userAgent(String userAgent) {
		this.defaultClient.userAgent(userAgent);
		return this;
	}

	/**
	 * Which failed requests of the default client are sent again, and when.
	 * @param retry the retry settings
	 * @return this builder
	 */
	public ApiOrmBuilder retry(ApiClientSettings.Retry retry) {
		this.defaultClient.retry(retry);
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
	 * The naming of the exchanges' observations.
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
		if (!this.defaultClient.hasBaseUrl()) {
			throw new ConfigurationException("api-orm needs a base URL (ApiOrm.builder().baseUrl(...))");
		}
		return this.defaultClient.build();
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
	 * templates releases.
	 * @return the templates
	 * @throws ConfigurationException when a setting is wrong
	 */
	public ApiTemplates buildTemplates() {
		Map<String, ApiClientSettings> all = new LinkedHashMap<>();
		if (this.defaultClient.hasBaseUrl()) {
			all.put(ApiOrm.DEFAULT_CLIENT, defaultSettings());
		}
		all.putAll(this.clients);
		ApiMappingContext mappingContext = (this.mappingContext != null) ? this.mappingContext
				: (this.jsonMapper != null) ? new ApiMappingContext(this.jsonMapper) : new ApiMappingContext();
		DialectRegistry dialects = DialectRegistry.withBuiltIns(mappingContext.getJsonMapper(), this.drfNegationSuffix,
				this.dialects);
		WebClient.Builder webClients = (this.webClientBuilder != null) ? this.webClientBuilder : WebClient.builder();
		ModelValidator modelValidator = ModelValidator.of(validator());
		Map<String, ReactiveApiTemplate> templates = new LinkedHashMap<>();
		Map<String, WebClient> webClientsByName = new LinkedHashMap<>();
		List<Mono<Void>> disposables = new ArrayList<>();
		for (ApiClientSettings settings : all.values()) {
			Dialect dialect = dialects.get(settings.dialect(), ApiClientSettings.propertyPrefix(settings.name()));
			ApiWebClientFactory.ApiWebClient client = ApiWebClientFactory.create(webClients, settings,
					this.clientCustomizers, this.connectors);
			webClientsByName.put(settings.name(), client.webClient());
			disposables.add(client.dispose());
			ApiSchema schema = this.schemas.get(settings.name());
			SchemaCheck schemaCheck = (schema != null) ? new SchemaCheck(schema, settings.baseUrl()) : null;
			logger.info("api-orm client '" + settings.name() + "': " + settings.displayUrl() + ", dialect "
					+ dialect.name() + ", " + (settings.http2() ? "HTTP/2" : "HTTP/1.1"));
			templates.put(settings.name(),
					new ReactiveApiTemplate(settings, client.webClient(), dialect, mappingContext, modelValidator,
							this.observationRegistry, this.convention, schemaCheck, this.exchangePolicies, List.of()));
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
