package dev.apiorm;

import java.util.Set;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.core.ApiOperations;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.repository.support.ApiEntityInformation;
import dev.apiorm.repository.support.SimpleApiRepository;
import dev.apiorm.repository.support.SimpleReactiveApiRepository;

/**
 * The entry point of api-orm without Spring Boot: its clients' templates and the
 * repositories of its models. Build one with {@link #builder()} and {@link #close()} it
 * when done; in Spring Boot the templates, the mapping context and the repositories are
 * beans of their own.
 *
 * <pre class="code">
 * ApiOrm orm = ApiOrm.builder().baseUrl("http://localhost:8000").token("t").authScheme("Token").build();
 * ApiRepository&lt;User&gt; users = orm.repository(User.class);
 * </pre>
 */
public final class ApiOrm implements AutoCloseable {

	/** The name of the client configured by {@code api-orm.base-url}. */
	public static final String DEFAULT_CLIENT = ApiTemplates.DEFAULT_CLIENT;

	private final ApiTemplates templates;

	/**
	 * An {@code ApiOrm} over the templates of its clients.
	 * @param templates the templates of every client
	 */
	public ApiOrm(ApiTemplates templates) {
		Assert.notNull(templates, "templates must not be null");
		this.templates = templates;
	}

	/**
	 * A builder for an {@code ApiOrm} without Spring Boot.
	 * @return the builder
	 */
	public static ApiOrmBuilder builder() {
		return new ApiOrmBuilder();
	}

	/**
	 * The blocking repository of a model.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the repository
	 * @throws ConfigurationException when the model is invalid
	 */
	public <T> ApiRepository<T> repository(Class<T> type) {
		ApiPersistentEntity<T> entity = this.templates.getEntity(type);
		return new SimpleApiRepository<>(new ApiEntityInformation<>(entity),
				this.templates.getBlocking(entity.getClientName()));
	}

	/**
	 * The reactive repository of a model.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the repository
	 * @throws ConfigurationException when the model is invalid
	 */
	public <T> ReactiveApiRepository<T> reactiveRepository(Class<T> type) {
		ApiPersistentEntity<T> entity = this.templates.getEntity(type);
		return new SimpleReactiveApiRepository<>(new ApiEntityInformation<>(entity),
				this.templates.getReactive(entity.getClientName()));
	}

	/**
	 * The reactive template of a client, the level below repositories.
	 * @param clientName the client's name
	 * @return the template
	 * @throws ConfigurationException when no client has that name
	 */
	public ReactiveApiOperations reactiveTemplate(String clientName) {
		return this.templates.getReactive(clientName);
	}

	/**
	 * The configured {@link WebClient} of a client (its base URL, token, headers and
	 * connection pool), for the few calls the ORM does not model.
	 * @param clientName the client's name
	 * @return the WebClient
	 * @throws ConfigurationException when no client has that name
	 */
	public WebClient webClient(String clientName) {
		return this.templates.getWebClient(clientName);
	}

	/**
	 * The blocking template of a client, the level below repositories.
	 * @param clientName the client's name
	 * @return the template
	 * @throws ConfigurationException when no client has that name
	 */
	public ApiOperations template(String clientName) {
		return this.templates.getBlocking(clientName);
	}

	/**
	 * The templates of every client.
	 * @return the templates
	 */
	public ApiTemplates templates() {
		return this.templates;
	}

	/**
	 * The mapping context the models come from.
	 * @return the mapping context
	 */
	public ApiMappingContext mappingContext() {
		return this.templates.getMappingContext();
	}

	/**
	 * The names of the configured clients.
	 * @return the names
	 */
	public Set<String> clientNames() {
		return this.templates.getClientNames();
	}

	/**
	 * Closes the connection pools of the clients.
	 */
	@Override
	public void close() {
		this.templates.close();
	}

}
