package dev.apiorm.core.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;

/**
 * The default naming of API exchanges: {@code api.orm.requests} with the bounded tags
 * {@code client}, {@code model}, {@code operation}, {@code method}, {@code status},
 * {@code outcome} and {@code attempt} (never ids or query strings).
 */
public class DefaultApiExchangeObservationConvention implements ApiExchangeObservationConvention {

	/** The name of the observation and of the timer it produces. */
	public static final String NAME = "api.orm.requests";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ApiExchangeContext context) {
		return "api-orm " + context.operation() + " " + context.model();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ApiExchangeContext context) {
		Integer status = context.status();
		return KeyValues.of("client", context.client(), "model", context.model(), "operation", context.operation(),
				"method", context.method(), "status", (status != null) ? String.valueOf(status) : noStatus(context),
				"outcome", (status != null) ? Outcome.forStatus(status).name() : noStatus(context), "attempt",
				String.valueOf(context.attempt()));
	}

	/** No response: a transport failure, or a caller that cancelled. */
	private static String noStatus(ApiExchangeContext context) {
		return (context.getError() != null) ? "IO_ERROR" : "CANCELLED";
	}

}
