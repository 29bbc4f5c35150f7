package dev.apiorm.autoconfigure;

import java.time.Duration;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.RateLimitSettings;
import dev.apiorm.core.ratelimit.LocalRateBudgets;
import dev.apiorm.core.ratelimit.RateBudgets;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where rate budgets are kept: in Redis when Boot configured a Lettuce connection and
 * Bucket4j's Lettuce module is present, unless switched off; otherwise in each JVM; an
 * application's own {@link RateBudgets} replaces both. And how the keys of
 * {@code api-orm.rate-limit.*} reach each client.
 */
class ApiOrmRateLimitAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ApiOrmRateLimitAutoConfiguration.class,
				ApiOrmAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=http://127.0.0.1:1");

	@Test
	void withoutRedisBudgetsAreKeptInTheJvm() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RateBudgets.class)).isInstanceOf(LocalRateBudgets.class);
		});
	}

	@Test
	void withBootsLettuceConnectionBudgetsAreKeptInRedis() {
		this.runner.withUserConfiguration(Lettuce.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RateBudgets.class)).isInstanceOf(RedisRateBudgets.class);
		});
	}

	@Test
	void redisCanBeSwitchedOff() {
		this.runner.withUserConfiguration(Lettuce.class)
			.withPropertyValues("api-orm.redis.enabled=false")
			.run((context) -> assertThat(context.getBean(RateBudgets.class)).isInstanceOf(LocalRateBudgets.class));
	}

	@Test
	void withoutBucket4jsLettuceModuleBudgetsStayInTheJvm() {
		this.runner.withUserConfiguration(Lettuce.class)
			.withClassLoader(new FilteredClassLoader(Bucket4jLettuce.class))
			.run((context) -> assertThat(context.getBean(RateBudgets.class)).isInstanceOf(LocalRateBudgets.class));
	}

	@Test
	void anApplicationsBudgetsReplaceBoth() {
		this.runner.withUserConfiguration(Lettuce.class, OwnBudgets.class).run((context) -> {
			assertThat(context.getBeansOfType(RateBudgets.class)).containsOnlyKeys("ownBudgets");
		});
	}

	@Test
	void namedClientsTakeTheDefaultKeysUnlessTheySetTheirOwn() {
		this.runner
			.withPropertyValues("api-orm.rate-limit.limit=20", "api-orm.rate-limit.period=1m",
					"api-orm.rate-limit.burst=5", "api-orm.clients.billing.base-url=http://127.0.0.1:2",
					"api-orm.clients.billing.rate-limit.limit=7", "api-orm.clients.billing.rate-limit.key=partner",
					"api-orm.clients.billing.rate-limit.max-pause=10s")
			.run((context) -> {
				var clients = context.getBean(ApiClientSettingsFactory.class).create();
				RateLimitSettings root = clients.get("default").rateLimit();
				assertThat(root).isEqualTo(new RateLimitSettings(20, Duration.ofMinutes(1), 5,
						RateLimitSettings.DEFAULTS.maxPause(), null));
				ApiClientSettings billing = clients.get("billing");
				assertThat(billing.rateLimit())
					.isEqualTo(new RateLimitSettings(7, Duration.ofMinutes(1), 5, Duration.ofSeconds(10), "partner"));
			});
	}

	@Test
	void aBudgetThatCannotWorkStopsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("api-orm.clients.billing.base-url=http://127.0.0.1:2",
					"api-orm.clients.billing.rate-limit.burst=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("api-orm.clients.billing.rate-limit.burst"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Lettuce {

		@Bean
		LettuceConnectionFactory redisConnectionFactory() {
			// Nothing listens there: nothing connects until a client has a budget.
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBudgets {

		@Bean
		RateBudgets ownBudgets() {
			return new LocalRateBudgets();
		}

	}

}
