package dev.apiorm.core.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an API exchange: {@code api.orm.requests} with the
 * bounded tags {@code client}, {@code model}, {@code operation}, {@code method},
 * {@code status} and {@code outcome} (never ids or query strings).
 */
public class ApiExchangeObservationConvention implements ObservationConvention<ApiExchangeContext> {

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
				"method", context.method(), "status", (status != null) ? String.valueOf(status) : statusOf(context),
				"outcome", outcome(status, context));
	}

	private static String statusOf(ApiExchangeContext context) {
		return (context.getError() != null) ? "IO_ERROR" : "CLIENT_ERROR";
	}

	private static String outcome(Integer status, ApiExchangeContext context) {
		if (status == null) {
			return (context.getError() != null) ? "IO_ERROR" : "UNKNOWN";
		}
		if (status >= 500) {
			return "SERVER_ERROR";
		}
		if (status >= 400) {
			return "CLIENT_ERROR";
		}
		if (status >= 300) {
			return "REDIRECTION";
		}
		return (status >= 200) ? "SUCCESS" : "INFORMATIONAL";
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ApiExchangeContext;
	}

}
