package dev.apiorm.instances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of one application in separate JVMs, each a Spring Boot application with
 * {@code spring.data.redis.*} and {@code api-orm.rate-limit.*}, share one rate budget
 * through a real Redis: together, the server never sees more than the budget, and no
 * caller fails while it waits for a permit within its deadline.
 */
class SharedRateBudgetIT {

	private static final int INSTANCES = 3;

	private static final int THREADS = 2;

	/** The budget: requests per second, burst 1. */
	private static final int LIMIT = 5;

	private static final int SECONDS = 8;

	private static final Pattern RESULT = Pattern.compile("RESULT ok=(\\d+) failed=(\\d+) (.*)");

	@Test
	void instancesInSeparateJvmsShareOneBudget() throws Exception {
		try (RedisServer redis = RedisServer.start(); CountingServer server = new CountingServer()) {
			List<ChildJvm> children = new ArrayList<>();
			try {
				for (int i = 0; i < INSTANCES; i++) {
					children.add(ChildJvm.start(BudgetClient.class, String.valueOf(redis.port()), server.baseUrl(),
							String.valueOf(SECONDS), String.valueOf(THREADS), String.valueOf(LIMIT), "10"));
				}
				for (ChildJvm child : children) {
					assertThat(child.awaitLine("STARTED", Duration.ofSeconds(120))).isEqualTo("STARTED shared=true");
				}
				server.reset();
				children.forEach((child) -> child.send("GO"));
				int calls = 0;
				for (ChildJvm child : children) {
					String result = child.awaitLine("RESULT", Duration.ofSeconds(SECONDS + 60));
					Matcher matcher = RESULT.matcher(result);
					assertThat(matcher.matches()).as(result).isTrue();
					// Every caller waited for its permits within its deadline: none
					// failed.
					assertThat(Integer.parseInt(matcher.group(2))).as(result).isZero();
					assertThat(Integer.parseInt(matcher.group(1))).as(result).isPositive();
					assertThat(result).endsWith("shared=true");
					calls += Integer.parseInt(matcher.group(1));
				}
				List<Long> arrivals = server.arrivals();
				assertThat(arrivals).hasSize(calls);
				double seconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
				int most = server.mostWithin(Duration.ofMillis(900));
				System.out.printf(
						"%d instances x %d callers, budget %d/s shared in Redis: the server saw %d "
								+ "requests in %.2f s (%.2f/s), at most %d in any 900 ms%n",
						INSTANCES, THREADS, LIMIT, calls, seconds, (calls - 1) / seconds, most);
				// A permit every 200 ms for all instances together: at most 5 in any
				// window
				// of a second, shortened by 100 ms for what a request may take from its
				// permit to the server. Budgets of their own would let 15 a second
				// through.
				assertThat(most).as(server::offsets).isLessThanOrEqualTo(LIMIT);
				// And the instances used the budget together, not a third of it each.
				assertThat(calls).isGreaterThanOrEqualTo((int) (LIMIT * SECONDS * 0.8));
			}
			finally {
				for (ChildJvm child : children) {
					child.close();
				}
			}
		}
	}

}
