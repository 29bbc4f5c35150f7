package dev.apiorm.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;

/**
 * The exchange pipeline of one client: its policies in the order they wrap a request,
 * composed once, when the client is built, into one {@link ExchangeChain} that ends at
 * the request on the wire. A call then costs one pass through the links, not a new chain.
 * <p>
 * The order is by {@link ExchangePolicy.Stage stage}, call policies outside attempt
 * policies; within a stage, the application's policies come before the built-in ones,
 * each in the order given. The built-in retry is the last call policy: everything after
 * it runs once per attempt.
 */
final class ExchangePipeline implements ExchangeChain {

	private final List<ExchangePolicy> policies;

	private final ExchangeChain head;

	private ExchangePipeline(List<ExchangePolicy> policies, ExchangeChain terminal) {
		this.policies = Collections.unmodifiableList(policies);
		ExchangeChain chain = terminal;
		for (int i = policies.size() - 1; i >= 0; i--) {
			chain = link(policies.get(i), chain);
		}
		this.head = chain;
	}

	/**
	 * Composes a pipeline.
	 * @param application the application's policies, in the order they were added
	 * @param builtIns the built-in policies, in the order they wrap a request
	 * @param terminal the request on the wire
	 * @return the pipeline
	 */
	static ExchangePipeline compose(List<? extends ExchangePolicy> application, List<? extends ExchangePolicy> builtIns,
			ExchangeChain terminal) {
		Assert.noNullElements(application, "exchange policies must not be null");
		Assert.notNull(terminal, "terminal must not be null");
		List<ExchangePolicy> ordered = new ArrayList<>(application.size() + builtIns.size());
		for (ExchangePolicy.Stage stage : ExchangePolicy.Stage.values()) {
			add(ordered, application, stage);
			add(ordered, builtIns, stage);
		}
		return new ExchangePipeline(ordered, terminal);
	}

	private static void add(List<ExchangePolicy> ordered, List<? extends ExchangePolicy> policies,
			ExchangePolicy.Stage stage) {
		for (ExchangePolicy policy : policies) {
			ExchangePolicy.Stage declared = policy.stage();
			Assert.notNull(declared, () -> policy + " has no stage");
			if (declared == stage) {
				ordered.add(policy);
			}
		}
	}

	private static ExchangeChain link(ExchangePolicy policy, ExchangeChain next) {
		return (request) -> {
			Mono<ExchangeResponse> response = policy.apply(request, next);
			return (response != null) ? response
					: Mono.error(new IllegalStateException("Exchange policy " + policy + " returned null"));
		};
	}

	/**
	 * The policies in the order they wrap a request, outermost first.
	 * @return the policies
	 */
	List<ExchangePolicy> policies() {
		return this.policies;
	}

	@Override
	public Mono<ExchangeResponse> exchange(ExchangeRequest request) {
		return this.head.exchange(request);
	}

}
