package dev.apiorm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.util.Assert;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientOptions;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ReactiveApiOperations;
import dev.apiorm.core.ReactiveApiTemplate;
import dev.apiorm.core.page.LearntPaging;

/**
 * The {@code apiorm} Actuator endpoint: every configured client with its base URL, its
 * dialect, its settings, its connection pool and the paging it learnt from the endpoints
 * it read. Secrets never show: the token only as whether one is set, passwords in URLs
 * and the values of authorization-like headers masked. {@code /actuator/apiorm/{client}}
 * shows one client.
 */
@Endpoint(id = "apiorm")
public class ApiOrmEndpoint {

	private final ApiOrm apiOrm;

	/**
	 * An endpoint over the clients of an {@link ApiOrm}.
	 * @param apiOrm the clients
	 */
	public ApiOrmEndpoint(ApiOrm apiOrm) {
		Assert.notNull(apiOrm, "apiOrm must not be null");
		this.apiOrm = apiOrm;
	}

	/**
	 * Every client.
	 * @return the clients, by name
	 */
	@ReadOperation
	public ClientsDescriptor clients() {
		Map<String, ClientDescriptor> clients = new LinkedHashMap<>();
		for (String name : this.apiOrm.clientNames()) {
			clients.put(name, describe(this.apiOrm.reactiveTemplate(name)));
		}
		return new ClientsDescriptor(clients);
	}

	/**
	 * One client.
	 * @param name the client's name
	 * @return the client, {@code null} (404) when there is none of that name
	 */
	@ReadOperation
	public @Nullable ClientDescriptor client(@Selector String name) {
		return this.apiOrm.clientNames().contains(name) ? describe(this.apiOrm.reactiveTemplate(name)) : null;
	}

	private static ClientDescriptor describe(ReactiveApiOperations operations) {
		ApiClientSettings settings = operations.getSettings();
		ApiClientOptions options = settings.options();
		Map<String, @Nullable Object> groups = new LinkedHashMap<>(SettingsView.of(options));
		Object pool = groups.remove("pool");
		Object dialect = groups.remove("dialect");
		List<LearntPaging> learnt = (operations instanceof ReactiveApiTemplate template) ? template.learntPaging()
				: List.of();
		return new ClientDescriptor(settings.displayUrl(), settings.token() != null, operations.getDialect().name(),
				dialect, groups, pool, learnt);
	}

	/**
	 * Every client, by name.
	 *
	 * @param clients the clients
	 */
	public record ClientsDescriptor(Map<String, ClientDescriptor> clients) {
	}

	/**
	 * One client.
	 *
	 * @param baseUrl the base URL without user info, query or fragment
	 * @param token whether a token is configured (never the token)
	 * @param dialect the name of the dialect the client speaks
	 * @param dialectSettings the settings of the built-in dialects
	 * @param settings the client's other settings, by group ({@code http},
	 * {@code headers}, {@code paging}, {@code checks}, {@code writes}, {@code retry})
	 * @param pool the connection pool's settings
	 * @param learntPaging how the endpoints read so far page, where that differs from the
	 * configuration
	 */
	public record ClientDescriptor(String baseUrl, boolean token, String dialect, @Nullable Object dialectSettings,
			Map<String, @Nullable Object> settings, @Nullable Object pool, List<LearntPaging> learntPaging) {
	}

}
