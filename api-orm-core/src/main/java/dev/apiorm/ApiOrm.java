package dev.apiorm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.ApiWebClientFactory;
import dev.apiorm.core.ModelValidator;
import dev.apiorm.core.WebClientApiOperations;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ModelMetadata;
import dev.apiorm.core.mapping.ModelMetadataRegistry;
import dev.apiorm.dialect.Dialects;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.repository.support.SimpleApiRepository;
import dev.apiorm.repository.support.SimpleReactiveApiRepository;

/**
 * The entry point of api-orm: its configured clients, its models and repositories for
 * them. Spring Boot builds one from {@code api-orm.*}; without Boot, build one with
 * {@link #builder()} and {@link #close()} it when done.
 *
 * <pre class="code">
 * ApiOrm orm = ApiOrm.builder().baseUrl("http://localhost:8000").token("t").authScheme("Token").build();
 * ApiRepository&lt;User&gt; users = orm.repository(User.class);
 * </pre>
 */
public final class ApiOrm implements AutoCloseable {

	/** The name of the client configured by {@code api-orm.base-url}. */
	public static final String DEFAULT_CLIENT = "default";

	private final Map<String, ApiOperations> clients;

	private final ModelMetadataRegistry models;

	private final ModelValidator validator;

	private final List<ApiWebClientFactory.ApiWebClient> ownedClients;

	private ApiOrm(Map<String, ApiOperations> clients, ModelMetadataRegistry models, ModelValidator validator,
			List<ApiWebClientFactory.ApiWebClient> ownedClients) {
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
		this.models = models;
		this.validator = validator;
		this.ownedClients = List.copyOf(ownedClients);
	}

	/**
	 * A builder for an {@code ApiOrm} without Spring Boot.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The blocking repository of a model.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the repository
	 * @throws ConfigurationException when the model is invalid
	 */
	public <T> ApiRepository<T> repository(Class<T> type) {
		ModelMetadata<T> model = model(type);
		return new SimpleApiRepository<>(model, operations(model.clientName()), this.validator);
	}

	/**
	 * The reactive repository of a model.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the repository
	 * @throws ConfigurationException when the model is invalid
	 */
	public <T> ReactiveApiRepository<T> reactiveRepository(Class<T> type) {
		ModelMetadata<T> model = model(type);
		return new SimpleReactiveApiRepository<>(model, operations(model.clientName()), this.validator);
	}

	/**
	 * The metadata of a model, checked against the configured clients.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the metadata
	 * @throws ConfigurationException when the model is invalid or names an unknown client
	 */
	public <T> ModelMetadata<T> model(Class<T> type) {
		ModelMetadata<T> model = this.models.get(type);
		if (!this.clients.containsKey(model.clientName())) {
			String hint = DEFAULT_CLIENT.equals(model.clientName())
					? "set api-orm.base-url (or ApiOrm.builder().baseUrl(...))"
					: "configure api-orm.clients." + model.clientName() + ".base-url";
			throw new ConfigurationException(type.getName() + ": @ApiModel client '" + model.clientName()
					+ "' is not configured; " + hint + " (configured clients: " + this.clients.keySet() + ")");
		}
		return model;
	}

	/**
	 * The operations of a client.
	 * @param clientName the client's name
	 * @return the operations
	 * @throws ConfigurationException when no client has that name
	 */
	public ApiOperations operations(String clientName) {
		ApiOperations operations = this.clients.get(clientName);
		if (operations == null) {
			throw new ConfigurationException(
					"No api-orm client named '" + clientName + "' (configured clients: " + this.clients.keySet() + ")");
		}
		return operations;
	}

	/**
	 * The names of the configured clients.
	 * @return the names
	 */
	public Set<String> clientNames() {
		return this.clients.keySet();
	}

	/**
	 * The model registry.
	 * @return the registry
	 */
	public ModelMetadataRegistry models() {
		return this.models;
	}

	/**
	 * The validator applied before writes.
	 * @return the validator
	 */
	public ModelValidator validator() {
		return this.validator;
	}

	/**
	 * Closes the connection pools this instance created.
	 */
	@Override
	public void close() {
		Flux.fromIterable(this.ownedClients)
			.flatMap(ApiWebClientFactory.ApiWebClient::dispose)
			.blockLast(Duration.ofSeconds(10));
	}

	/**
	 * Builds an {@link ApiOrm}: the default client from {@link #baseUrl} and the other
	 * setters, more clients with {@link #client}.
	 */
	public static final class Builder {

		private @Nullable URI baseUrl;

		private @Nullable String token;

		private String authScheme = "Bearer";

		private boolean http2;

		private Duration timeout = Duration.ofSeconds(30);

		private Duration connectTimeout = Duration.ofSeconds(5);

		private int pageSize = 100;

		private Pagination pagination = Pagination.LIMIT_OFFSET;

		private String dialect = "drf";

		private ApiClientSettings.Pool pool = ApiClientSettings.Pool.DEFAULTS;

		private int maxResponseSize = 16 * 1024 * 1024;

		private int bulkConcurrency = 4;

		private @Nullable Integer maxConcurrency;

		private final Map<String, ApiClientSettings> clients = new LinkedHashMap<>();

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable JsonMapper jsonMapper;

		private @Nullable Validator validator;

		private boolean defaultValidator = true;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Builder() {
		}

		/**
		 * The base URL of the default client.
		 * @param baseUrl an absolute http(s) URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = URI.create(baseUrl);
			return this;
		}

		/**
		 * The token, sent as {@code Authorization: <authScheme> <token>}.
		 * @param token the token
		 * @return this builder
		 */
		public Builder token(@Nullable String token) {
			this.token = token;
			return this;
		}

		/**
		 * The scheme before the token ({@code Bearer}, or {@code Token} for DRF).
		 * @param authScheme the scheme
		 * @return this builder
		 */
		public Builder authScheme(String authScheme) {
			this.authScheme = authScheme;
			return this;
		}

		/**
		 * Whether to speak HTTP/2.
		 * @param http2 {@code true} for h2 (TLS) or h2c (prior knowledge)
		 * @return this builder
		 */
		public Builder http2(boolean http2) {
			this.http2 = http2;
			return this;
		}

		/**
		 * The response timeout.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * The connect timeout.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * The records per page when following pages.
		 * @param pageSize the page size
		 * @return this builder
		 */
		public Builder pageSize(int pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * How the API pages collections.
		 * @param pagination the pagination style
		 * @return this builder
		 */
		public Builder pagination(Pagination pagination) {
			this.pagination = pagination;
			return this;
		}

		/**
		 * The dialect's name.
		 * @param dialect the name, such as {@code drf}
		 * @return this builder
		 */
		public Builder dialect(String dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * The connection pool.
		 * @param pool the pool settings
		 * @return this builder
		 */
		public Builder pool(ApiClientSettings.Pool pool) {
			this.pool = pool;
			return this;
		}

		/**
		 * The largest response body read into memory.
		 * @param bytes the size in bytes
		 * @return this builder
		 */
		public Builder maxResponseSize(int bytes) {
			this.maxResponseSize = bytes;
			return this;
		}

		/**
		 * How many creates of a bulk create run at once.
		 * @param bulkConcurrency the concurrency
		 * @return this builder
		 */
		public Builder bulkConcurrency(int bulkConcurrency) {
			this.bulkConcurrency = bulkConcurrency;
			return this;
		}

		/**
		 * How many requests may be in flight at once; callers beyond wait.
		 * @param maxConcurrency the limit, {@code null} for none
		 * @return this builder
		 */
		public Builder maxConcurrency(@Nullable Integer maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
			return this;
		}

		/**
		 * Adds a named client with complete settings.
		 * @param settings the settings, named
		 * @return this builder
		 */
		public Builder client(ApiClientSettings settings) {
			Assert.notNull(settings, "settings must not be null");
			this.clients.put(settings.name(), settings);
			return this;
		}

		/**
		 * The WebClient builder to clone for each client (Boot's, with its customizers).
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * The JSON mapper for records (unknown properties are always tolerated).
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * The Bean Validation validator; by default one is created when a provider is on
		 * the class path.
		 * @param validator the validator, {@code null} for no validation
		 * @return this builder
		 */
		public Builder validator(@Nullable Validator validator) {
			this.validator = validator;
			this.defaultValidator = false;
			return this;
		}

		/**
		 * The registry that observes every exchange.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The settings of the default client as set on this builder.
		 * @return the settings
		 */
		public ApiClientSettings defaultSettings() {
			if (this.baseUrl == null) {
				throw new ConfigurationException("api-orm needs a base URL (ApiOrm.builder().baseUrl(...))");
			}
			return new ApiClientSettings(DEFAULT_CLIENT, this.baseUrl, this.token, this.authScheme, this.http2,
					this.timeout, this.connectTimeout, this.pageSize, this.pagination, this.dialect, this.pool,
					this.maxResponseSize, this.bulkConcurrency, this.maxConcurrency);
		}

		/**
		 * Builds the instance and its clients' connection pools.
		 * @return the instance
		 */
		public ApiOrm build() {
			Map<String, ApiClientSettings> all = new LinkedHashMap<>();
			if (this.baseUrl != null) {
				all.put(DEFAULT_CLIENT, defaultSettings());
			}
			all.putAll(this.clients);
			JsonMapper mapper = ((this.jsonMapper != null) ? this.jsonMapper.rebuild() : JsonMapper.builder())
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build();
			WebClient.Builder webClients = (this.webClientBuilder != null) ? this.webClientBuilder
					: WebClient.builder();
			Map<String, ApiOperations> operations = new LinkedHashMap<>();
			List<ApiWebClientFactory.ApiWebClient> owned = new ArrayList<>();
			for (ApiClientSettings settings : all.values()) {
				ApiWebClientFactory.ApiWebClient client = ApiWebClientFactory.create(webClients, settings);
				owned.add(client);
				operations.put(settings.name(), new WebClientApiOperations(settings, client.webClient(),
						Dialects.create(settings.dialect(), mapper), mapper, this.observationRegistry));
			}
			ModelMetadataRegistry models = new ModelMetadataRegistry(new ApiMappingContext(), mapper);
			return new ApiOrm(operations, models, ModelValidator.of(validator()), owned);
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

}
