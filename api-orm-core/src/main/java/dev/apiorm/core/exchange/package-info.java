/**
 * The exchange pipeline's extension point:
 * {@link dev.apiorm.core.exchange.ExchangePolicy} wraps every request a client sends,
 * once per call or once per attempt, seeing an
 * {@link dev.apiorm.core.exchange.ExchangeRequest} and answering with an
 * {@link dev.apiorm.core.exchange.ExchangeResponse}.
 */
@NullMarked
package dev.apiorm.core.exchange;

import org.jspecify.annotations.NullMarked;
