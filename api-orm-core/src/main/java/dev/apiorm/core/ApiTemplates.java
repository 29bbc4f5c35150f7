package dev.apiorm.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;

/**
 * The templates of every configured client, by client name, and the way from a model to
 * the template of the client that serves it.
 */
public final class ApiTemplates implements AutoCloseable {

	/** The name of the client configured by {@code api-orm.base-url}. */
	public static final String DEFAULT_CLIENT = "default";

	private final ApiMappingContext mappingContext;

	private final Map<String, ReactiveApiOperations> reactive;

	private final Map<String, ApiOperations> blocking;

	private final List<Mono<Void>> closers;

	private final Map<String, WebClient> webClients;

	/**
	 * The templates of some clients.
	 * @param mappingContext where the models come from
	 * @param templates the reactive templates by client name
	 */
	public ApiTemplates(ApiMappingContext mappingContext, Map<String, ? extends ReactiveApiOperations> templates) {
		this(mappingContext, templates, List.of());
	}

	/**
	 * The templates of some clients, with the resources (connection pools) to release
	 * when they are closed.
	 * @param mappingContext where the models come from
	 * @param templates the reactive templates by client name
	 * @param closers what {@link #close()} subscribes to, in order
	 */
	public ApiTemplates(ApiMappingContext mappingContext, Map<String, ? extends ReactiveApiOperations> templates,
			List<Mono<Void>> closers) {
		this(mappingContext, templates, closers, Map.of());
	}

	/**
	 * The templates of some clients, with the resources to release when they are closed
	 * and the clients' WebClients.
	 * @param mappingContext where the models come from
	 * @param templates the reactive templates by client name
	 * @param closers what {@link #close()} subscribes to, in order
	 * @param webClients the configured WebClient of each client
	 */
	public ApiTemplates(ApiMappingContext mappingContext, Map<String, ? extends ReactiveApiOperations> templates,
			List<Mono<Void>> closers, Map<String, WebClient> webClients) {
		Assert.notNull(mappingContext, "mappingContext must not be null");
		Assert.notNull(templates, "templates must not be null");
		this.mappingContext = mappingContext;
		this.reactive = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
		Map<String, ApiOperations> facades = new LinkedHashMap<>();
		templates.forEach((name, template) -> facades.put(name, new ApiTemplate(template)));
		this.blocking = Collections.unmodifiableMap(facades);
		this.closers = List.copyOf(closers);
		this.webClients = Map.copyOf(webClients);
		// A relation may refer to a model another client serves.
		for (ReactiveApiOperations template : this.reactive.values()) {
			if (template instanceof ReactiveApiTemplate relating) {
				relating.relateAcrossClients((type) -> getReactive(getEntity(type).getClientName()));
			}
		}
	}

	/**
	 * The configured WebClient of a client: its base URL, token, headers and pool.
	 * @param clientName the client's name
	 * @return the WebClient
	 * @throws ConfigurationException when no client has that name or it has no WebClient
	 */
	public WebClient getWebClient(String clientName) {
		WebClient webClient = this.webClients.get(clientName);
		if (webClient == null) {
			throw new ConfigurationException("No api-orm client named '" + clientName + "' has a WebClient (clients: "
					+ this.webClients.keySet() + ")");
		}
		return webClient;
	}

	/**
	 * Releases the connection pools of the clients, waiting up to 10 seconds.
	 */
	@Override
	public void close() {
		Flux.concat(this.closers).blockLast(Duration.ofSeconds(10));
	}

	/**
	 * The mapping context the models come from.
	 * @return the mapping context
	 */
	public ApiMappingContext getMappingContext() {
		return this.mappingContext;
	}

	/**
	 * The names of the configured clients, in configuration order.
	 * @return the names
	 */
	public Set<String> getClientNames() {
		return this.reactive.keySet();
	}

	/**
	 * The reactive operations of a client.
	 * @param clientName the client's name
	 * @return the operations
	 * @throws ConfigurationException when no client has that name
	 */
	public ReactiveApiOperations getReactive(String clientName) {
		ReactiveApiOperations operations = this.reactive.get(clientName);
		if (operations == null) {
			throw unknown(clientName);
		}
		return operations;
	}

	/**
	 * The blocking operations of a client.
	 * @param clientName the client's name
	 * @return the operations
	 * @throws ConfigurationException when no client has that name
	 */
	public ApiOperations getBlocking(String clientName) {
		ApiOperations operations = this.blocking.get(clientName);
		if (operations == null) {
			throw unknown(clientName);
		}
		return operations;
	}

	private ConfigurationException unknown(String clientName) {
		return new ConfigurationException(
				"No api-orm client named '" + clientName + "' (configured clients: " + this.reactive.keySet() + ")");
	}

	/**
	 * The entity of a model, checked against the configured clients.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the entity
	 * @throws ConfigurationException when the model is invalid or its client is not
	 * configured
	 */
	public <T> ApiPersistentEntity<T> getEntity(Class<T> type) {
		ApiPersistentEntity<T> entity = this.mappingContext.getRequiredEntity(type);
		String client = entity.getClientName();
		if (!this.reactive.containsKey(client)) {
			String hint = DEFAULT_CLIENT.equals(client) ? "set api-orm.base-url (or ApiOrm.builder().baseUrl(...))"
					: "configure api-orm.clients." + client + ".base-url";
			throw new ConfigurationException(type.getName() + ": @ApiModel client '" + client + "' is not configured; "
					+ hint + " (configured clients: " + this.reactive.keySet() + ")");
		}
		return entity;
	}

}
