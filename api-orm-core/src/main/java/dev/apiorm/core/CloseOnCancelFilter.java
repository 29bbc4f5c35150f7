package dev.apiorm.core;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.ContextView;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Closes the connection of an exchange that is cancelled, or whose response a filter
 * drops, before its response is complete, so that a cancelled call never keeps a
 * connection from the pool. The outermost filter of a client, so that every cancellation
 * reaches it, whatever the filters within do with it.
 * <p>
 * Spring's WebClient drains the body of a response whose exchange is cancelled after the
 * headers arrived but before the caller subscribed to the body, so that the connection
 * can be used again; a response that a filter holds when the call is cancelled (one that
 * hands it to another thread, or delays it), or that a filter drops, is read by nobody. A
 * server that stalls in that body never ends the drain: either way the connection stays
 * acquired, neither idle (so {@code max-idle-time} does not apply) nor reusable, and is
 * lost to the pool for good. Closing it instead costs one new connection per cancelled
 * exchange, as a response cut mid-body costs anyway.
 * <p>
 * The connection of each request is recorded, when Reactor Netty prepares the request, in
 * a watch that the exchange carries in its Reactor context. Cancelling the exchange, or
 * dropping its response, disposes of the request's operations, which closes the
 * connection while its response is incomplete. Once a response is complete, Reactor Netty
 * has released its connection to the pool and detached it from the operations, which
 * makes a late cancellation a no-op: it never closes a connection that another exchange
 * uses.
 */
final class CloseOnCancelFilter implements ExchangeFilterFunction {

	/** The context key of the watch over an exchange's connection. */
	private static final String WATCH = CloseOnCancelFilter.class.getName() + ".watch";

	/**
	 * Makes an HTTP client record the connection of each request for the exchange that
	 * made it.
	 * @param httpClient the client
	 * @return the client that records connections
	 */
	static HttpClient recordingConnections(HttpClient httpClient) {
		return httpClient.doOnRequest((request, connection) -> connected(request.currentContextView(), connection));
	}

	/**
	 * Records the connection of a request for the exchange whose context it is.
	 * @param context the context of the exchange's subscriber
	 * @param connection the connection, as Reactor Netty's operations of the request
	 */
	static void connected(ContextView context, Connection connection) {
		Watch watch = context.getOrDefault(WATCH, null);
		if (watch != null) {
			watch.connected(connection);
		}
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			Watch watch = new Watch();
			return next.exchange(request)
				.doOnDiscard(ClientResponse.class, (dropped) -> watch.cancelled())
				.doOnCancel(watch::cancelled)
				.contextWrite((context) -> context.put(WATCH, watch));
		});
	}

	/**
	 * The connection of one exchange's current request, and whether the exchange was
	 * cancelled: whichever of the two comes second closes the connection.
	 */
	private static final class Watch {

		private volatile @Nullable Connection connection;

		private volatile boolean cancelled;

		void connected(Connection connection) {
			this.connection = connection;
			if (this.cancelled) {
				connection.dispose();
			}
		}

		void cancelled() {
			this.cancelled = true;
			Connection current = this.connection;
			if (current != null) {
				current.dispose();
			}
		}

	}

}
