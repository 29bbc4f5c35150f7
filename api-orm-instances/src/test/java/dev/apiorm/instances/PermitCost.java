package dev.apiorm.instances;

import java.time.Duration;
import java.util.function.Supplier;

import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.RedisRateBudgets;
import dev.apiorm.core.RateLimitSettings;
import dev.apiorm.core.ratelimit.LocalRateBudgets;
import dev.apiorm.core.ratelimit.RateBudget;
import dev.apiorm.core.ratelimit.RateBudgets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import reactor.core.publisher.Flux;

/**
 * A rough measure of what a permit costs, run by hand (not a test): a budget too large to
 * ever wait, asked for permits one after the other (the latency a request gains) and 64
 * at a time (the permits a second one instance can take), in this JVM and in a real Redis
 * on 127.0.0.1; then the time of a whole request to a server in this JVM without a
 * budget, with a local one and with Redis. Prints one line per figure.
 */
public final class PermitCost {

	private static final RateLimitSettings HUGE = RateLimitSettings.DEFAULTS.withLimit(1_000_000_000)
		.withBurst(1_000_000_000);

	private PermitCost() {
	}

	public static void main(String[] args) throws Exception {
		try (RedisServer redis = RedisServer.start(); CountingServer server = new CountingServer()) {
			RedisClient client = RedisClient.create();
			RedisURI uri = RedisURI.create("127.0.0.1", redis.port());
			Supplier<RedisRateBudgets> shared = () -> new RedisRateBudgets(
					() -> client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture(),
					Duration.ofSeconds(2), Duration.ofSeconds(5), "cost:");
			try (LocalRateBudgets local = new LocalRateBudgets(); RedisRateBudgets inRedis = shared.get()) {
				permits("local", local, 200_000);
				RateBudget warm = inRedis.budget("default", HUGE);
				while (!inRedis.shared()) {
					warm.acquire(Duration.ofSeconds(1)).block();
				}
				permits("redis", inRedis, 20_000);
				// Interleaved rounds: the machine is shared, a figure alone means little.
				for (int round = 1; round <= 3; round++) {
					requests("no budget", server, null, 0);
					requests("local budget", server, local, 1_000_000_000);
					requests("redis budget", server, inRedis, 1_000_000_000);
				}
			}
			finally {
				client.shutdown();
			}
		}
	}

	private static void permits(String name, RateBudgets budgets, int count) {
		RateBudget budget = budgets.budget("permits-" + name, HUGE);
		Duration wait = Duration.ofSeconds(5);
		for (int i = 0; i < count / 4; i++) {
			budget.acquire(wait).block();
		}
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			budget.acquire(wait).block();
		}
		double sequential = (System.nanoTime() - start) / (double) count;
		start = System.nanoTime();
		Flux.range(0, count).flatMap((i) -> budget.acquire(wait), 64).blockLast();
		double concurrent = count / ((System.nanoTime() - start) / 1e9);
		System.out.printf("%-6s permit: %8.2f us one after the other, %10.0f permits/s 64 at a time%n", name,
				sequential / 1000, concurrent);
	}

	private static void requests(String name, CountingServer server, RateBudgets budgets, int limit) {
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(server.baseUrl())
			.rateLimit(limit, Duration.ofSeconds(1))
			.options((options) -> options.withRateLimit(options.rateLimit().withBurst(Math.max(1, limit))))
			.rateBudgets(budgets)
			.build()) {
			int count = 3_000;
			for (long i = 0; i < count; i++) {
				orm.repository(Counted.class).get(i);
			}
			long start = System.nanoTime();
			for (long i = 0; i < count; i++) {
				orm.repository(Counted.class).get(i);
			}
			System.out.printf("%-13s request: %8.2f us one after the other%n", name,
					(System.nanoTime() - start) / 1000.0 / count);
		}
	}

}
