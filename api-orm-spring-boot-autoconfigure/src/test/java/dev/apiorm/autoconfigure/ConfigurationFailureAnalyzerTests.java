package dev.apiorm.autoconfigure;

import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up failures of api-orm are described with the property, model or method named.
 */
class ConfigurationFailureAnalyzerTests {

	@Test
	void describesTheConfigurationExceptionInsideABeanCreationFailure() {
		ConfigurationException cause = new ConfigurationException(
				"Invalid value '-1' for api-orm.page-size: must be positive");
		FailureAnalysis analysis = new ConfigurationFailureAnalyzer()
			.analyze(new BeanCreationException("apiOrm", "Failed", cause));
		assertThat(analysis.getDescription()).isEqualTo("Invalid value '-1' for api-orm.page-size: must be positive");
		assertThat(analysis.getAction()).contains("api-orm");
	}

	@Test
	void includesTheUnderlyingReason() {
		ConfigurationException cause = new ConfigurationException("ThingApi.findByNameOrRole cannot be expressed",
				new UnsupportedQueryException("The 'drf' dialect cannot express OR"));
		FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(cause);
		assertThat(analysis.getDescription()).contains("findByNameOrRole").contains("cannot express OR");
	}

}
