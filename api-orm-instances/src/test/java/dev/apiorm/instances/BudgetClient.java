package dev.apiorm.instances;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.ApiOrmAutoConfiguration;
import dev.apiorm.autoconfigure.ApiOrmRateLimitAutoConfiguration;
import dev.apiorm.autoconfigure.RedisRateBudgets;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of an application that uses api-orm with a rate budget in Redis, run in a
 * JVM of its own by {@link SharedRateBudgetIT}: Spring Boot with
 * {@code spring.data.redis.*} and {@code api-orm.rate-limit.*}, as an application has
 * them. Prints {@code STARTED} once its budget is shared, waits for {@code GO} on its
 * standard input, then calls the API from several threads for some seconds and prints
 * {@code RESULT ok=<calls> failed=<calls> <failures by class>}.
 * <p>
 * Arguments: the Redis port, the API's base URL, the seconds to run, the threads, the
 * budget's limit per second, the deadline in seconds.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class,
		ApiOrmRateLimitAutoConfiguration.class, ApiOrmAutoConfiguration.class })
public class BudgetClient {

	public static void main(String[] args) throws Exception {
		int redisPort = Integer.parseInt(args[0]);
		String baseUrl = args[1];
		Duration run = Duration.ofSeconds(Long.parseLong(args[2]));
		int threads = Integer.parseInt(args[3]);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BudgetClient.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
					"api-orm.base-url=" + baseUrl, "api-orm.repositories.enabled=false",
					"api-orm.rate-limit.limit=" + args[4], "api-orm.rate-limit.period=1s",
					"api-orm.deadline=" + args[5] + "s")
			.run()) {
			ApiOrm orm = context.getBean(ApiOrm.class);
			RedisRateBudgets budgets = context.getBean(RedisRateBudgets.class);
			// Warm: the first calls of a cold JVM, waits for a permit included.
			for (long id = 1; id <= 3; id++) {
				orm.repository(Counted.class).get(id);
			}
			System.out.println("STARTED shared=" + budgets.shared());
			BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			if (!"GO".equals(input.readLine())) {
				return;
			}
			AtomicInteger ok = new AtomicInteger();
			Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
			long end = System.nanoTime() + run.toNanos();
			List<Thread> callers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Thread caller = new Thread(() -> {
					long id = 10;
					while (System.nanoTime() - end < 0) {
						try {
							orm.repository(Counted.class).get(id++);
							ok.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failures.computeIfAbsent(ex.getClass().getSimpleName(), (name) -> new AtomicInteger())
								.incrementAndGet();
						}
					}
				}, "caller-" + t);
				caller.start();
				callers.add(caller);
			}
			for (Thread caller : callers) {
				caller.join();
			}
			int failed = failures.values().stream().mapToInt(AtomicInteger::get).sum();
			System.out.println(
					"RESULT ok=" + ok.get() + " failed=" + failed + " " + failures + " shared=" + budgets.shared());
		}
		System.exit(0);
	}

}
