package dev.apiorm.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;

import dev.apiorm.core.ApiClientSettings;

/**
 * The connection pool of one client ({@code api-orm.pool.*}, Reactor Netty's
 * {@code ConnectionProvider}); a key left unset keeps the value it is applied to.
 */
public class PoolProperties {

	/**
	 * Maximum number of connections open to the API at once (default 100).
	 */
	private @Nullable Integer maxConnections;

	/**
	 * Idle HTTP/1.1 connections to keep (default 20); beyond it an idle connection is
	 * closed when released and by a background check. HTTP/2 multiplexes instead.
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

	ApiClientSettings.Pool applyTo(ApiClientSettings.Pool pool) {
		PropertyMapper map = PropertyMapper.get();
		pool = map.from(this.maxConnections).to(pool, ApiClientSettings.Pool::withMaxConnections);
		pool = map.from(this.maxIdleConnections).to(pool, ApiClientSettings.Pool::withMaxIdleConnections);
		pool = map.from(this.maxIdleTime).to(pool, ApiClientSettings.Pool::withMaxIdleTime);
		pool = map.from(this.pendingAcquireTimeout).to(pool, ApiClientSettings.Pool::withPendingAcquireTimeout);
		pool = map.from(this.maxPendingAcquires).to(pool, ApiClientSettings.Pool::withMaxPendingAcquires);
		return map.from(this.metrics).to(pool, ApiClientSettings.Pool::withMetrics);
	}

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
