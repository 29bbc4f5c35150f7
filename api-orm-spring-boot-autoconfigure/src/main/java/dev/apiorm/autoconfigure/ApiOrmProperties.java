package dev.apiorm.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;

/**
 * Configuration of api-orm ({@code api-orm.*}): the default client's API and how to talk
 * to it, and more named clients under {@code api-orm.clients}.
 * <p>
 * A named client takes the same keys; each key it leaves unset is taken from the default
 * client's.
 */
@ConfigurationProperties("api-orm")
public class ApiOrmProperties extends ApiOrmClientProperties {

	/**
	 * More APIs by name; a model chooses one with {@code @ApiModel(client = "name")}.
	 */
	private final Map<String, ApiOrmClientProperties> clients = new LinkedHashMap<>();

	/**
	 * Repository scanning.
	 */
	private final Repositories repositories = new Repositories();

	/**
	 * The Django REST Framework dialect.
	 */
	private final Drf drf = new Drf();

	/**
	 * The spring-page dialect (controllers returning Spring Data's Page or PagedModel).
	 */
	private final DeclaredFilters springPage = new DeclaredFilters();

	/**
	 * The spring-data-rest dialect.
	 */
	private final DeclaredFilters springDataRest = new DeclaredFilters();

	/**
	 * The jsonapi dialect.
	 */
	private final DeclaredFilters jsonapi = new DeclaredFilters();

	public ApiOrmProperties() {
		// The defaults of the client keys are those of ApiClientSettings.builder: a key
		// left unset here stays unset until the settings are built.
		setPool(new Pool());
		setRetry(new Retry());
		setHealth(new Health());
		setSchema(new Schema());
		setSsl(new Ssl());
		// A controller binds field=value at least; a Spring Data REST collection nothing.
		this.springPage.setLookups(new ArrayList<>(List.of("exact")));
		this.jsonapi.setLookups(new ArrayList<>(List.of("exact")));
		this.jsonapi.setLookupParameter(JsonApiDialect.DEFAULT_LOOKUP_PARAMETER);
	}

	public Map<String, ApiOrmClientProperties> getClients() {
		return this.clients;
	}

	public Repositories getRepositories() {
		return this.repositories;
	}

	public Drf getDrf() {
		return this.drf;
	}

	public DeclaredFilters getSpringPage() {
		return this.springPage;
	}

	public DeclaredFilters getSpringDataRest() {
		return this.springDataRest;
	}

	public DeclaredFilters getJsonapi() {
		return this.jsonapi;
	}

	/**
	 * The API's OpenAPI 3 document, which models, derived queries and filters are checked
	 * against.
	 */
	public static class Schema {

		/**
		 * Where the API's OpenAPI 3 document is: a URL (read without credentials), or a
		 * classpath: or file: resource; JSON, or YAML with jackson-dataformat-yaml.
		 */
		private @Nullable String location;

		/**
		 * What a start-up check that finds a problem does: fail start-up, warn, or (off)
		 * not read the document at all. Default warn when a location is set.
		 */
		private @Nullable Check check;

		public @Nullable String getLocation() {
			return this.location;
		}

		public void setLocation(@Nullable String location) {
			this.location = location;
		}

		public @Nullable Check getCheck() {
			return this.check;
		}

		public void setCheck(@Nullable Check check) {
			this.check = check;
		}

		/**
		 * What a problem found at start-up does.
		 */
		public enum Check {

			/** Start-up fails, listing every problem. */
			FAIL,

			/** Every problem is logged as a warning. */
			WARN,

			/** The document is not read. */
			OFF

		}

	}

	/**
	 * The Django REST Framework dialect.
	 */
	public static class Drf {

		/**
		 * The suffix of the negated filters the API declares (django-filter's
		 * exclude=True), such as "n" for role__n=banned. Unset, exclude() is refused:
		 * django-filter has no negation of its own and ignores undeclared parameters.
		 */
		private @Nullable String negationSuffix;

		public @Nullable String getNegationSuffix() {
			return this.negationSuffix;
		}

		public void setNegationSuffix(@Nullable String negationSuffix) {
			this.negationSuffix = negationSuffix;
		}

	}

	/**
	 * The filters a Spring application binds: it ignores request parameters its code does
	 * not name, so only the lookups declared here are sent and the others are refused.
	 */
	public static class DeclaredFilters {

		/**
		 * The lookups the application binds: exact (field=value), in (field=value
		 * repeated), and others such as gte, lte, icontains (sent as lookup-parameter).
		 * Default: exact for spring-page and jsonapi, none for spring-data-rest (a
		 * collection resource binds no filter).
		 */
		private List<String> lookups = new ArrayList<>();

		/**
		 * The request parameter of a lookup other than exact and in, with {field} and
		 * {lookup}: {field}_{lookup} sends pages_gte=100. Default: {field}_{lookup},
		 * filter[{field}][{lookup}] for jsonapi.
		 */
		private String lookupParameter = SpringPageDialect.DEFAULT_LOOKUP_PARAMETER;

		/**
		 * Templates of their own for some lookups, which they declare as bound:
		 * name=value with {field} and {value}, such as gt: "filter[{field}]=>{value}" for
		 * servers that put the operator in the value.
		 */
		private Map<String, String> lookupTemplates = new LinkedHashMap<>();

		public Map<String, String> getLookupTemplates() {
			return this.lookupTemplates;
		}

		public void setLookupTemplates(Map<String, String> lookupTemplates) {
			this.lookupTemplates = lookupTemplates;
		}

		public List<String> getLookups() {
			return this.lookups;
		}

		public void setLookups(List<String> lookups) {
			this.lookups = lookups;
		}

		public String getLookupParameter() {
			return this.lookupParameter;
		}

		public void setLookupParameter(String lookupParameter) {
			this.lookupParameter = lookupParameter;
		}

	}

	/**
	 * Repository scanning.
	 */
	public static class Repositories {

		/**
		 * Whether to register ApiRepository and ReactiveApiRepository beans for the
		 * application's packages when no {@code @EnableApiRepositories} is declared.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The retries of one client: connection failures before the request was written,
	 * timeouts, 429, 502, 503 and 504, for the listed methods only.
	 */
	public static class Retry {

		/**
		 * Attempts per request, the first included (default 3); 1 for no retries.
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * Wait before the first retry, doubled for each next one, with jitter (default
		 * 200ms).
		 */
		private @Nullable Duration initialBackoff;

		/**
		 * Longest wait between two attempts (default 5s).
		 */
		private @Nullable Duration maxBackoff;

		/**
		 * Longest Retry-After waited for; a longer one propagates the 429 or 503 (default
		 * 30s).
		 */
		private @Nullable Duration maxRetryAfter;

		/**
		 * HTTP methods that are retried (default GET, HEAD, PUT, DELETE). POST is retried
		 * only with an idempotency key header.
		 */
		private @Nullable Set<String> methods;

		/**
		 * Header that carries one key per logical create, the same on every attempt, such
		 * as Idempotency-Key; makes POST retryable (default none).
		 */
		private @Nullable String idempotencyKeyHeader;

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public @Nullable Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public @Nullable Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(@Nullable Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public @Nullable Set<String> getMethods() {
			return this.methods;
		}

		public void setMethods(@Nullable Set<String> methods) {
			this.methods = methods;
		}

		public @Nullable String getIdempotencyKeyHeader() {
			return this.idempotencyKeyHeader;
		}

		public void setIdempotencyKeyHeader(@Nullable String idempotencyKeyHeader) {
			this.idempotencyKeyHeader = idempotencyKeyHeader;
		}

	}

	/**
	 * The connection pool of one client (Reactor Netty's {@code ConnectionProvider}).
	 */
	public static class Pool {

		/**
		 * Maximum number of connections open to the API at once (default 100).
		 */
		private @Nullable Integer maxConnections;

		/**
		 * Idle connections to keep (default 20). Reactor Netty bounds idle connections by
		 * max-connections and closes each after max-idle-time.
		 */
		private @Nullable Integer maxIdleConnections;

		/**
		 * How long an idle connection is kept before it is closed (default 30s).
		 */
		private @Nullable Duration maxIdleTime;

		/**
		 * How long a request waits for a free connection before it fails (default 10s).
		 */
		private @Nullable Duration pendingAcquireTimeout;

		/**
		 * How many requests may wait for a connection when all are busy (default -1, no
		 * limit: they wait up to pending-acquire-timeout); 0 fails at once.
		 */
		private @Nullable Integer maxPendingAcquires;

		/**
		 * Whether Reactor Netty publishes the pool's own metrics
		 * (reactor.netty.connection.provider.*) to Micrometer (default false).
		 */
		private @Nullable Boolean metrics;

		public @Nullable Integer getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(@Nullable Integer maxConnections) {
			this.maxConnections = maxConnections;
		}

		public @Nullable Integer getMaxIdleConnections() {
			return this.maxIdleConnections;
		}

		public void setMaxIdleConnections(@Nullable Integer maxIdleConnections) {
			this.maxIdleConnections = maxIdleConnections;
		}

		public @Nullable Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(@Nullable Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public @Nullable Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(@Nullable Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public @Nullable Integer getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		public void setMaxPendingAcquires(@Nullable Integer maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
		}

		public @Nullable Boolean getMetrics() {
			return this.metrics;
		}

		public void setMetrics(@Nullable Boolean metrics) {
			this.metrics = metrics;
		}

	}

	/**
	 * TLS of one client's connections.
	 */
	public static class Ssl {

		/**
		 * The SSL bundle (spring.ssl.bundle.*) of the API's connections: the trust
		 * material for its certificate, the key material of the client. Unset,
		 * spring.http.clients.ssl.bundle, else the JVM's defaults.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * The Actuator health check of one client.
	 */
	public static class Health {

		/**
		 * Path requested by the health check, relative to the base URL; by default the
		 * base URL itself.
		 */
		private @Nullable String path;

		/**
		 * How long the health check waits for the API before reporting it DOWN.
		 */
		private @Nullable Duration timeout;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

	}

}
