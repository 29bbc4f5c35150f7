package dev.apiorm.test.docs;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ratelimit.LocalRateBudgets;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/many-instances.md}: a rate budget without Spring Boot, its
 * requests evenly spaced.
 */
@ApiOrmTest
class ManyInstancesExamplesTests {

	@Autowired
	FakeApi api;

	@Test
	void aRateBudgetSpacesTheRequestsOfEveryCaller() {
		this.api.seed(Article.class, List.of(new Article("One", "published", 1, "ann")));
		String baseUrl = this.api.baseUrl();
		long start = System.nanoTime();
		// tag::rate-budget[]
		// 5 requests a second, evenly spaced; in this JVM (RedisRateBudgets shares them)
		try (LocalRateBudgets budgets = new LocalRateBudgets();
				ApiOrm orm = ApiOrm.builder()
					.baseUrl(baseUrl)
					.rateLimit(5, Duration.ofSeconds(1))
					.rateBudgets(budgets)
					.build()) {
			for (int i = 0; i < 3; i++) {
				// The 2nd and the 3rd wait 200 ms each for a permit.
				orm.repository(Article.class).all().count();
			}
		}
		// end::rate-budget[]
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(399));
	}

}
