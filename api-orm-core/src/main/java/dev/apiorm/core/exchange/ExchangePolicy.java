package dev.apiorm.core.exchange;

import reactor.core.publisher.Mono;

/**
 * Wraps the requests of a client: sees each one before it leaves and its outcome before
 * the caller does, as a WebClient {@code ExchangeFilterFunction} does, but at the level
 * of api-orm's calls (client, model, operation, attempt, deadline), around its retries or
 * inside them.
 * <p>
 * A client's policies are composed once, when the client is built, into one pipeline of
 * two stages, outermost first:
 * <ol>
 * <li>{@link Stage#CALL}: once per call (a {@code get}, a page of a {@code list}, a
 * {@code create}), however many attempts it takes: the application's call policies, then
 * the built-in retry, which runs the next stage once per attempt;</li>
 * <li>{@link Stage#ATTEMPT}: once per attempt, each a request on the wire: the
 * application's attempt policies, then the built-in concurrency limit
 * ({@code max-concurrency}) and observation ({@code api.orm.requests}, one per attempt,
 * tagged {@code attempt}), then the request itself.</li>
 * </ol>
 * Within a stage the application's policies run in the order they were added: with
 * {@code ApiOrm.builder().exchangePolicy(...)}, or, in Spring Boot, every bean of this
 * type, ordered by {@link org.springframework.core.annotation.Order @Order} or
 * {@link org.springframework.core.Ordered}, applied to every client.
 * <p>
 * A policy may change the request ({@link ExchangeRequest#mutate()}), answer without
 * calling {@code next}, delay or repeat the call, or look at the response or the error.
 * It is shared by every call of every client it is added to, and must be safe for
 * concurrent use. The request's {@link ExchangeRequest#timeLeft()} says how long the call
 * may still take; a policy that waits (for a permit, a token) should wait no longer.
 * Errors a policy raises reach the caller as they are; those of the
 * {@link dev.apiorm.exception} hierarchy an attempt policy raises are retried as the
 * retry settings say.
 *
 * <pre class="code">
 * ExchangePolicy tenant = (request, next) -&gt; next.exchange(request.mutate().header("X-Tenant", "acme").build());
 * </pre>
 */
@FunctionalInterface
public interface ExchangePolicy {

	/**
	 * Runs the policy around a request.
	 * @param request the request; at the {@link Stage#CALL} stage its
	 * {@link ExchangeRequest#attempt() attempt} is 0
	 * @param next the rest of the pipeline
	 * @return the response the caller gets, usually {@code next.exchange(request)} or
	 * something built on it
	 */
	Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next);

	/**
	 * Where the policy runs: once per call, or once per attempt (the default), so that a
	 * header it adds is fresh on every attempt and a retried request passes it again.
	 * @return the stage
	 */
	default Stage stage() {
		return Stage.ATTEMPT;
	}

	/**
	 * The two stages of the exchange pipeline, separated by the built-in retry.
	 */
	enum Stage {

		/**
		 * Once per call, outside the retry: sees the call's outcome after its last
		 * attempt; may answer without any attempt (a cache).
		 */
		CALL,

		/**
		 * Once per attempt, inside the retry and outside the concurrency limit: sees each
		 * request that goes on the wire; may delay it (a rate budget).
		 */
		ATTEMPT

	}

}
