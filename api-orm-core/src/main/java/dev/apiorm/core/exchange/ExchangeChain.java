package dev.apiorm.core.exchange;

import reactor.core.publisher.Mono;

/**
 * The rest of the exchange pipeline, as a policy sees it: the policies after it and, at
 * the end, the request on the wire.
 *
 * @see ExchangePolicy
 */
@FunctionalInterface
public interface ExchangeChain {

	/**
	 * Passes a request on to the rest of the pipeline.
	 * @param request the request, as given to the policy or changed by it
	 * @return the response, or an error of the {@link dev.apiorm.exception} hierarchy
	 */
	Mono<ExchangeResponse> exchange(ExchangeRequest request);

}
