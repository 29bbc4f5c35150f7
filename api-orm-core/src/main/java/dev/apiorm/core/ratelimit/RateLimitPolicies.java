package dev.apiorm.core.ratelimit;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.exchange.ExchangePolicy;

/**
 * Adds a {@link RateLimitPolicy} to the policies of each client that has a rate budget,
 * as the last of its attempt policies, so that it runs right before the concurrency
 * limit. Makes the {@link LocalRateBudgets} itself when none was given, only if a client
 * needs it, and closes it with the templates.
 */
public final class RateLimitPolicies {

	private @Nullable RateBudgets budgets;

	private final @Nullable MeterRegistry registry;

	private final List<Mono<Void>> disposables;

	/**
	 * Policies for the clients of one set of templates.
	 * @param budgets where the budgets are kept, {@code null} for this JVM
	 * @param registry where the meters go, {@code null} for none
	 * @param disposables what the templates release when closed
	 */
	public RateLimitPolicies(@Nullable RateBudgets budgets, @Nullable MeterRegistry registry,
			List<Mono<Void>> disposables) {
		this.budgets = budgets;
		this.registry = registry;
		this.disposables = disposables;
	}

	/**
	 * The policies of a client.
	 * @param policies the application's policies
	 * @param client the client
	 * @return the same policies, followed by the client's rate limit when it has one
	 */
	public List<ExchangePolicy> around(List<ExchangePolicy> policies, ApiClientSettings client) {
		if (!client.rateLimit().enabled()) {
			return policies;
		}
		RateBudgets budgets = this.budgets;
		if (budgets == null) {
			LocalRateBudgets local = new LocalRateBudgets();
			this.disposables.add(Mono.fromRunnable(local::close));
			budgets = local;
			this.budgets = local;
		}
		List<ExchangePolicy> withLimit = new ArrayList<>(policies);
		withLimit.add(new RateLimitPolicy(client, budgets.budget(client.name(), client.rateLimit()), this.registry));
		return withLimit;
	}

}
