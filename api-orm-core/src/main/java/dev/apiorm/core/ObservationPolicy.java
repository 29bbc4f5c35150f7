package dev.apiorm.core;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
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
 * {@code http.client.requests}): it is in the Reactor context the request runs in, and in
 * scope on the thread while the request is subscribed to, because a tracer takes the span
 * in scope on the thread over the parent observation when the two differ. Its own parent
 * is the observation of the caller: the one in the caller's Reactor context, else the one
 * in scope on the thread that started the call ({@link #callParent}); without either, the
 * first attempt of the call, so that every attempt of a retried call is in one trace. It
 * ends before the outcome reaches the caller, so a caller that looks at the metrics right
 * after a call finds the attempt there. The request on the wire records the response's
 * status in the context that {@link #context(ExchangeRequest)} finds, also when the body
 * then fails to decode.
 */
final class ObservationPolicy implements ExchangePolicy {

	/** The request attribute that carries the attempt's observation context. */
	private static final String CONTEXT = ObservationPolicy.class.getName() + ".context";

	/** The request attribute that carries the call's {@link CallParent}. */
	static final String CALL = ObservationPolicy.class.getName() + ".call";

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

	/**
	 * What the attempts of a call take as their parent when their Reactor context carries
	 * no observation: the observation in scope on the thread that starts the call, read
	 * now.
	 * @param registry the registry whose thread-local scope is read
	 * @return the call's parent, to pass as the {@link #CALL} attribute
	 */
	static CallParent callParent(ObservationRegistry registry) {
		return new CallParent(registry.getCurrentObservation());
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
			CallParent call = (CallParent) request.attribute(CALL);
			if (parent == null && call != null) {
				parent = call.parent();
			}
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			if (call != null) {
				call.started(observation);
			}
			AtomicBoolean open = new AtomicBoolean(true);
			ExchangeRequest observed = request.mutate().attribute(CONTEXT, context).build();
			return new InScope<>(Mono.defer(() -> next.exchange(observed)), observation).doOnEach((signal) -> {
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

	/**
	 * The parent of a call's attempts: the caller's observation, else the call's first
	 * attempt. One per call; its attempts run one after the other.
	 */
	static final class CallParent {

		private final @Nullable Observation caller;

		private volatile @Nullable Observation firstAttempt;

		private CallParent(@Nullable Observation caller) {
			this.caller = caller;
		}

		@Nullable Observation parent() {
			return (this.caller != null) ? this.caller : this.firstAttempt;
		}

		void started(Observation attempt) {
			if (this.caller == null && this.firstAttempt == null) {
				this.firstAttempt = attempt;
			}
		}

	}

	/**
	 * A Mono subscribed to with an observation in scope on the subscribing thread, so
	 * that what starts during the subscription (WebClient's observation of the request)
	 * finds it current; the scope closes once the subscription returns.
	 */
	private static final class InScope<T> extends Mono<T> {

		private final Mono<T> source;

		private final Observation observation;

		InScope(Mono<T> source, Observation observation) {
			this.source = source;
			this.observation = observation;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			try (Observation.Scope scope = this.observation.openScope()) {
				this.source.subscribe(actual);
			}
		}

	}

}
