package dev.apiorm.autoconfigure;

import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ratelimit.LocalRateBudgets;
import dev.apiorm.core.ratelimit.RateBudgets;

/**
 * Auto-configuration of where the clients' rate budgets ({@code api-orm.rate-limit.*})
 * are kept: in Redis, shared by every instance, when Boot configured a Lettuce connection
 * to a standalone Redis ({@code spring.data.redis.*}) and Bucket4j's Lettuce module is
 * present ({@link RedisRateBudgets}, on a connection of its own from Boot's Lettuce
 * client, unless {@code api-orm.redis.enabled=false}); otherwise in each JVM
 * ({@link LocalRateBudgets}). A {@link RateBudgets} bean of the application replaces
 * both.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(ApiOrm.class)
@EnableConfigurationProperties(ApiOrmProperties.class)
public final class ApiOrmRateLimitAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(RateBudgets.class)
	LocalRateBudgets apiOrmRateBudgets() {
		return new LocalRateBudgets();
	}

	/**
	 * Budgets in Redis, on the connection Boot configured.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Bucket4jLettuce.class, RedisClient.class, LettuceConnectionFactory.class })
	@ConditionalOnBean(LettuceConnectionFactory.class)
	@ConditionalOnBooleanProperty(name = "api-orm.redis.enabled", matchIfMissing = true)
	static final class RedisBudgetsConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(RateBudgets.class)
		RedisRateBudgets apiOrmRateBudgets(LettuceConnectionFactory connectionFactory, ApiOrmProperties properties) {
			ApiOrmProperties.Redis redis = properties.getRedis();
			return new RedisRateBudgets(() -> connect(connectionFactory), redis.getTimeout(), redis.getRetryInterval(),
					redis.getKeyPrefix());
		}

		/**
		 * A connection of its own (binary keys and values, as Bucket4j wants) from the
		 * Lettuce client of Boot's connection factory, to the same standalone server.
		 */
		private static CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connect(
				LettuceConnectionFactory factory) {
			AbstractRedisClient client = factory.getNativeClient();
			if (client == null) {
				// Not started yet: tried again after the retry interval.
				return CompletableFuture
					.failedFuture(new IllegalStateException("Boot's LettuceConnectionFactory is not started"));
			}
			if (!(client instanceof RedisClient redis) || factory.isRedisSentinelAware() || factory.isClusterAware()) {
				return CompletableFuture.failedFuture(new IllegalStateException(
						"api-orm keeps rate budgets in a standalone Redis only (spring.data.redis.host/port/url), "
								+ "not in Sentinel or Cluster"));
			}
			return redis.connectAsync(ByteArrayCodec.INSTANCE, uri(factory)).toCompletableFuture();
		}

		private static RedisURI uri(LettuceConnectionFactory factory) {
			RedisStandaloneConfiguration standalone = factory.getStandaloneConfiguration();
			RedisURI.Builder uri = RedisURI.builder()
				.withHost(standalone.getHostName())
				.withPort(standalone.getPort())
				.withDatabase(standalone.getDatabase())
				.withSsl(factory.isUseSsl())
				.withTimeout(factory.getClientConfiguration().getCommandTimeout());
			char[] password = standalone.getPassword().toOptional().orElse(null);
			if (password != null) {
				String username = standalone.getUsername();
				if (username != null) {
					uri.withAuthentication(username, password);
				}
				else {
					uri.withPassword(password);
				}
			}
			return uri.build();
		}

	}

}
