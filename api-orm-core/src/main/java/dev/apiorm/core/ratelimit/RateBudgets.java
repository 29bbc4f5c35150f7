package dev.apiorm.core.ratelimit;

import dev.apiorm.core.RateLimitSettings;

/**
 * Where the rate budgets of clients are kept: in this JVM ({@link LocalRateBudgets}, the
 * default), or in a store every instance of an application reaches, so that they share
 * one budget (Redis, in the Spring Boot auto-configuration).
 */
@FunctionalInterface
public interface RateBudgets {

	/**
	 * The budget of a client; clients whose settings give the same
	 * {@link RateLimitSettings#keyOf(String) key} share one.
	 * @param client the client's name
	 * @param settings its rate limit, {@link RateLimitSettings#enabled() enabled}
	 * @return the budget
	 */
	RateBudget budget(String client, RateLimitSettings settings);

}
