package dev.apiorm.core;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import dev.apiorm.core.observation.ApiExchangeContext;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;

/**
 * Observes each attempt as {@code api.orm.requests} (or what the convention names it),
 * tagged with its attempt number, when the registry listens: the innermost policy, so the
 * observation times the request itself, not a wait for a permit.
 * <p>
 * The observation is the parent of what the request observes below it (WebClient's
 * {@code http.client.requests}), and a child of the observation the caller's Reactor
 * context carries. It ends before the outcome reaches the caller, so a caller that looks
 * at the metrics right after a call finds the attempt there. The request on the wire
 * records the response's status in the context that {@link #context(ExchangeRequest)}
 * finds, also when the body then fails to decode.
 */
final class ObservationPolicy implements ExchangePolicy {

	/** The request attribute that carries the attempt's observation context. */
	private static final String CONTEXT = ObservationPolicy.class.getName() + ".context";

	private final ObservationRegistry registry;

	private final ApiExchangeObservationConvention convention;

	ObservationPolicy(ObservationRegistry registry, ApiExchangeObservationConvention convention) {
		Assert.notNull(registry, "registry must not be null");
		Assert.notNull(convention, "convention must not be null");
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * The observation context of an attempt this policy observes.
	 * @param request the attempt's request
	 * @return the context, {@code null} when the attempt is not observed
	 */
	static @Nullable ApiExchangeContext context(ExchangeRequest request) {
		return (ApiExchangeContext) request.attribute(CONTEXT);
	}

	@Override
	public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
		// Handlers may be registered after the client was built: asked per attempt.
		if (this.registry.isNoop()) {
			return next.exchange(request);
		}
		return Mono.deferContextual((reactorContext) -> {
			ApiExchangeContext context = new ApiExchangeContext(request.client(), request.entity().getModelName(),
					request.operation(), request.method().name(), request.attempt());
			Observation observation = Observation.createNotStarted(this.convention, () -> context, this.registry);
			Observation parent = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			AtomicBoolean open = new AtomicBoolean(true);
			ExchangeRequest observed = request.mutate().attribute(CONTEXT, context).build();
			return Mono.defer(() -> next.exchange(observed)).doOnEach((signal) -> {
				if (!signal.isOnSubscribe() && open.compareAndSet(true, false)) {
					if (signal.getThrowable() != null) {
						observation.error(signal.getThrowable());
					}
					observation.stop();
				}
			}).doOnCancel(() -> {
				if (open.compareAndSet(true, false)) {
					observation.stop();
				}
			}).contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

}
