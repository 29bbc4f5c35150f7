package dev.apiorm.instances;

import java.time.Duration;

import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.RedisRateBudgets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped mid-run: permits come from a budget of the instance's own, with one WARN,
 * every call still succeeds within its deadline and the local budget still holds; when
 * Redis answers again, the budget is shared again, with an INFO.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisFallbackIT {

	private static final String DOWN = "Redis cannot be reached for the api-orm rate budgets";

	@Test
	void whenRedisStopsBudgetsGoLocalAndComeBackWhenItAnswers(CapturedOutput output) throws Exception {
		int port = RedisServer.freePort();
		RedisServer redis = RedisServer.start(port);
		RedisClient client = RedisClient.create();
		RedisURI uri = RedisURI.create("127.0.0.1", port);
		try (CountingServer server = new CountingServer();
				RedisRateBudgets budgets = new RedisRateBudgets(
						() -> client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture(),
						Duration.ofMillis(300), Duration.ofSeconds(1), "it:rate-limit:");
				ApiOrm orm = ApiOrm.builder()
					.baseUrl(server.baseUrl())
					.rateLimit(5, Duration.ofSeconds(1))
					.deadline(Duration.ofSeconds(10))
					.rateBudgets(budgets)
					.build()) {
			for (long id = 1; id <= 3; id++) {
				orm.repository(Counted.class).get(id);
			}
			assertThat(budgets.shared()).isTrue();
			try (StatefulRedisConnection<String, String> check = client.connect(uri)) {
				assertThat(check.sync().exists("it:rate-limit:default")).isEqualTo(1);
			}

			redis.close();
			server.reset();
			long stopped = System.nanoTime();
			for (long id = 10; id < 20; id++) {
				assertThat(orm.repository(Counted.class).get(id).id()).isEqualTo(id);
			}
			assertThat(budgets.shared()).isFalse();
			assertThat(output.getOut().split(DOWN, -1)).hasSize(2);
			// The instance's own budget holds: a permit every 200 ms.
			assertThat(server.mostWithin(Duration.ofMillis(900))).as(server::offsets).isLessThanOrEqualTo(5);
			// Ten calls at 5 a second, plus what Redis's timeouts cost: well within the
			// deadline of each.
			assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(8));

			redis = RedisServer.start(port);
			long back = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			long id = 100;
			while (!budgets.shared() && System.nanoTime() - back < 0) {
				orm.repository(Counted.class).get(id++);
			}
			assertThat(budgets.shared()).isTrue();
			assertThat(output.getOut()).contains("Redis answers again");
		}
		finally {
			redis.close();
			client.shutdown();
		}
	}

}
