package dev.apiorm.autoconfigure;

import dev.apiorm.exception.ConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an api-orm {@link ConfigurationException} at start-up (a wrong
 * {@code api-orm.*} value, an invalid model, a derived query the dialect cannot send) as
 * Boot's "APPLICATION FAILED TO START" description and action, instead of a stack trace.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
		String description = cause.getMessage();
		if (cause.getCause() != null && cause.getCause().getMessage() != null) {
			description += "\nCause: " + cause.getCause().getMessage();
		}
		return new FailureAnalysis(description,
				"Correct the api-orm configuration named above: the api-orm.* properties, the @ApiModel "
						+ "annotations, or the repository method.",
				cause);
	}

}
