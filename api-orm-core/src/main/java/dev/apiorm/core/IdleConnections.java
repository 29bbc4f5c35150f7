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
 * {@code api-orm.pool.max-idle-connections}. Reactor Netty's pool has a limit for all
 * connections and an idle time, but none for the idle ones: the pool evicts a connection
 * that has been idle for a while (the background check's interval) while more than the
 * limit are idle, as well as after {@code max-idle-time}. A connection idle for less is
 * kept: under load, connections turn idle and busy many times a second, and closing them
 * on release would only open new ones.
 */
final class IdleConnections {

	private final AtomicInteger idle = new AtomicInteger();

	void add(int delta) {
		this.idle.addAndGet(delta);
	}

	/**
	 * The eviction rule of the pool.
	 * @param maxIdle the idle connections to keep
	 * @param maxIdleTime how long one may stay idle
	 * @param settled how long a connection must have been idle before the limit applies
	 * @return the rule, for {@link ConnectionProvider.Builder#evictionPredicate}
	 */
	BiPredicate<Connection, ConnectionProvider.ConnectionMetadata> evictionPredicate(int maxIdle, Duration maxIdleTime,
			Duration settled) {
		long maxIdleMillis = maxIdleTime.toMillis();
		long settledMillis = settled.toMillis();
		return (connection, metadata) -> {
			// A custom rule replaces Reactor Netty's own, which evicts closed connections
			// too.
			if (!connection.channel().isActive() || metadata.idleTime() >= maxIdleMillis) {
				return true;
			}
			if (metadata.idleTime() < settledMillis || this.idle.get() <= maxIdle) {
				return false;
			}
			// Uncounted at once, so that one pass over the idle connections keeps the
			// limit.
			UnsolicitedResponseGuard guard = connection.channel().pipeline().get(UnsolicitedResponseGuard.class);
			return guard != null && guard.uncountIdle();
		};
	}

}
