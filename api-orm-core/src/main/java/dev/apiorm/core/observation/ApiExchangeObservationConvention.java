package dev.apiorm.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an API exchange. The default,
 * {@link DefaultApiExchangeObservationConvention}, gives {@code api.orm.requests}; a bean
 * of this type replaces it.
 */
public interface ApiExchangeObservationConvention extends ObservationConvention<ApiExchangeContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ApiExchangeContext;
	}

}
