package dev.apiorm.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import reactor.netty.Connection;
import reactor.netty.resources.ConnectionProvider;

/**
 * The idle HTTP/1.1 connections of one client, counted as their
 * {@link UnsolicitedResponseGuard}s see them finish a response or start a request, and
 * the pool's eviction rule that keeps them within
 * {@code api-orm.pool.max-idle-connections}: Reactor Netty's pool has a limit for all
 * connections and an idle time, but none for the idle ones, so the pool evicts an idle
 * connection while more than the limit are idle (in the background, and when a request
 * would take it), as well as after {@code max-idle-time}.
 */
final class IdleConnections {

	private final AtomicInteger idle = new AtomicInteger();

	void add(int delta) {
		this.idle.addAndGet(delta);
	}

	/**
	 * How many connections are idle now.
	 * @return the count
	 */
	int count() {
		return this.idle.get();
	}

	/**
	 * The eviction rule of the pool.
	 * @param maxIdle the idle connections to keep
	 * @param maxIdleTime how long one may stay idle
	 * @return the rule, for {@link ConnectionProvider.Builder#evictionPredicate}
	 */
	BiPredicate<Connection, ConnectionProvider.ConnectionMetadata> evictionPredicate(int maxIdle,
			Duration maxIdleTime) {
		long maxIdleMillis = maxIdleTime.toMillis();
		return (connection, metadata) -> metadata.idleTime() >= maxIdleMillis || this.idle.get() > maxIdle;
	}

}
