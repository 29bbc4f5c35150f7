package dev.apiorm.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.ApiOrmClientCustomizer;

/**
 * Builds the WebClient of one API client on Reactor Netty: its own connection pool,
 * connect timeout, HTTP/2 when asked, a body size limit, the authorization header for the
 * base URL's origin only, and the filter that closes the connection of a cancelled
 * exchange.
 */
public final class ApiWebClientFactory {

	private ApiWebClientFactory() {
	}

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	/** How often the pool looks for idle connections beyond the limit. */
	private static final Duration EVICTION_INTERVAL = Duration.ofSeconds(1);

	/**
	 * Builds the WebClient from a builder that is cloned first, so the caller's builder
	 * (with Boot's customizers and observation registry) is left as it was.
	 * @param builder the builder to start from
	 * @param settings the client settings
	 * @return the WebClient and the pool to dispose with it
	 */
	public static ApiWebClient create(WebClient.Builder builder, ApiClientSettings settings) {
		return create(builder, settings, List.of());
	}

	/**
	 * Builds the WebClient as {@link #create(WebClient.Builder, ApiClientSettings)} does,
	 * then lets customizers adjust its builder.
	 * @param builder the builder to start from
	 * @param settings the client settings
	 * @param customizers applied to the client's builder, in order
	 * @return the WebClient and the pool to dispose with it
	 */
	public static ApiWebClient create(WebClient.Builder builder, ApiClientSettings settings,
			List<ApiOrmClientCustomizer> customizers) {
		return create(builder, settings, customizers, ClientConnectorFactory.REACTOR);
	}

	/**
	 * Builds the WebClient as {@link #create(WebClient.Builder, ApiClientSettings, List)}
	 * does, its connector made by a factory.
	 * @param builder the builder to start from
	 * @param settings the client settings
	 * @param customizers applied to the client's builder, in order
	 * @param connectors makes the connector of the configured HTTP client
	 * @return the WebClient and the pool to dispose with it
	 */
	public static ApiWebClient create(WebClient.Builder builder, ApiClientSettings settings,
			List<ApiOrmClientCustomizer> customizers, ClientConnectorFactory connectors) {
		ApiClientSettings.Pool pool = settings.pool();
		ConnectionProvider.Builder providerBuilder = ConnectionProvider.builder("api-orm-" + settings.name())
			.maxConnections(pool.maxConnections())
			.maxIdleTime(pool.maxIdleTime())
			.pendingAcquireTimeout(pool.pendingAcquireTimeout())
			// Reactor Netty's default caps waiting requests at twice the pool size and
			// fails
			// the rest at once; callers beyond the pool wait instead, unless capped.
			.pendingAcquireMaxCount(pool.maxPendingAcquires())
			.metrics(pool.metrics());
		if (settings.http().http2()) {
			// Without strict reuse, a burst of requests made before the first connection
			// is up opens one connection per request instead of multiplexing streams.
			// About one connection per event loop lets every loop work, where one
			// connection would hold all streams to a single thread.
			providerBuilder.allocationStrategy(Http2AllocationStrategy.builder()
				.minConnections(Math.min(LoopResources.DEFAULT_IO_WORKER_COUNT, pool.maxConnections()))
				.maxConnections(pool.maxConnections())
				.strictConnectionReuse(true)
				.build());
		}
		IdleConnections idle = new IdleConnections();
		if (!settings.http().http2()) {
			// Reactor Netty has no limit for idle connections: the pool evicts settled
			// ones
			// while more than max-idle-connections are idle, and after max-idle-time.
			Duration interval = (EVICTION_INTERVAL.compareTo(pool.maxIdleTime()) < 0) ? EVICTION_INTERVAL
					: pool.maxIdleTime();
			providerBuilder
				.evictionPredicate(idle.evictionPredicate(pool.maxIdleConnections(), pool.maxIdleTime(), interval))
				.evictInBackground(interval);
		}
		ConnectionProvider provider = providerBuilder.build();
		// No Reactor Netty response timeout: it only bounds the gap between two reads,
		// and
		// each attempt already runs under a timeout for its whole response.
		// The JVM's proxy settings (http(s).proxyHost, proxyPort, nonProxyHosts, socks),
		// as a corporate network sets them.
		HttpClient httpClient = HttpClient.create(provider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.http().connectTimeout().toMillis())
			.proxyWithSystemProperties();
		// A cancelled call closes its connection rather than leave it to a drain that a
		// stalled server never ends.
		httpClient = CloseOnCancelFilter.recordingConnections(httpClient);
		if (settings.http().compression()) {
			httpClient = httpClient.compress(true);
		}
		if (settings.http().http2()) {
			httpClient = "https".equals(settings.baseUrl().getScheme())
					? httpClient.protocol(HttpProtocol.H2, HttpProtocol.HTTP11) : httpClient.protocol(HttpProtocol.H2C);
		}
		else {
			// A pooled HTTP/1.1 connection that receives a response nobody asked for is
			// closed rather than reused (HTTP/2 frames carry their stream instead).
			httpClient = httpClient.doOnChannelInit((observer, channel, remoteAddress) -> {
				if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
					channel.pipeline()
						.addAfter(NettyPipeline.HttpCodec, UnsolicitedResponseGuard.NAME,
								new UnsolicitedResponseGuard(idle));
				}
			});
		}
		WebClient.Builder client = builder.clone()
			.baseUrl(settings.baseUrl().toString())
			.clientConnector(connectors.create(settings, httpClient, (configured) -> redirects(configured, settings)))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(settings.http().maxResponseSize()));
		customizers.forEach((customizer) -> customizer.customize(settings.name(), client));
		// The engine sets the standing headers on each request it builds
		// (StandingHeaders); the application's WebClient has them as defaults and a
		// filter.
		WebClient.Builder application = client.clone().defaultHeaders((headers) -> {
			settings.headers().defaultHeaders().forEach(headers::set);
			headers.set(HttpHeaders.USER_AGENT, settings.headers().userAgent());
		}).filter(authorization(settings));
		for (WebClient.Builder each : List.of(application, client)) {
			// Outermost, so that it sees every cancellation, and every response a filter
			// drops.
			each.filters((filters) -> filters.add(0, new CloseOnCancelFilter()));
		}
		return new ApiWebClient(application.build(), client.build(), provider);
	}

	/**
	 * The redirect policy, applied over any other configuration: same-origin redirects
	 * only (the token never leaves the origin), or none.
	 */
	private static HttpClient redirects(HttpClient httpClient, ApiClientSettings settings) {
		if (settings.http().redirects() == ApiClientSettings.Redirects.SAME_ORIGIN) {
			URI base = settings.baseUrl();
			return httpClient.followRedirect((request, response) -> REDIRECTS.contains(response.status().code())
					&& sameOrigin(base, request.resourceUrl(), response.responseHeaders().get("Location")));
		}
		return httpClient.followRedirect(false);
	}

	private static boolean sameOrigin(URI base, @Nullable String requestUrl, @Nullable String location) {
		if (requestUrl == null || location == null) {
			return false;
		}
		try {
			return Origins.same(base, URI.create(requestUrl).resolve(location));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Adds {@code Authorization: <scheme> <token>} to requests for the base URL's origin,
	 * and to no other.
	 */
	static ExchangeFilterFunction authorization(ApiClientSettings settings) {
		String token = settings.token();
		if (token == null || token.isEmpty()) {
			return (request, next) -> next.exchange(request);
		}
		String value = settings.headers().authScheme().isEmpty() ? token
				: settings.headers().authScheme() + " " + token;
		URI base = settings.baseUrl();
		return (request, next) -> {
			if (!Origins.same(base, request.url())) {
				return next.exchange(request);
			}
			ClientRequest authorized = ClientRequest.from(request)
				.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, value))
				.build();
			return next.exchange(authorized);
		};
	}

	/**
	 * A client's WebClients with the connection pool they share.
	 *
	 * @param webClient the client as the application gets it: default headers,
	 * {@code User-Agent} and the token for the base URL's origin added to each request
	 * @param engine the client the engine sends on, which sets those headers itself as it
	 * builds each request
	 * @param connectionProvider their pool
	 */
	public record ApiWebClient(WebClient webClient, WebClient engine, ConnectionProvider connectionProvider) {

		/**
		 * A WebClient that is both the application's and the engine's.
		 * @param webClient the client
		 * @param connectionProvider its pool
		 */
		public ApiWebClient(WebClient webClient, ConnectionProvider connectionProvider) {
			this(webClient, webClient, connectionProvider);
		}

		/**
		 * Closes the pool's connections.
		 * @return completion
		 */
		public Mono<Void> dispose() {
			return this.connectionProvider.disposeLater();
		}

	}

}
