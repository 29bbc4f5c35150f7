package dev.apiorm.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.Retryable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning that api-orm's retry and a retry annotation of the application may
 * multiply: given when both are there, naming the bean and the property, and not
 * otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
class RetryOverlapWarningTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				ApiOrmAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=https://api.example.com");

	@Test
	void warnsWhenABeanDeclaresARetryAndApiOrmRetriesToo(CapturedOutput output) {
		this.runner.withUserConfiguration(RetryingService.Config.class).run((context) -> {
			assertThat(context).hasNotFailed();
			String warning = context.getBean(RetryOverlapWarning.class).warning();
			assertThat(warning).contains("api-orm.retry.max-attempts=3", "beans retryingService",
					"the attempts multiply (3 x");
			assertThat(output).contains(warning);
		});
	}

	@Test
	void staysQuietWhenApiOrmDoesNotRetry() {
		this.runner.withUserConfiguration(RetryingService.Config.class)
			.withPropertyValues("api-orm.retry.max-attempts=1")
			.run((context) -> assertThat(context.getBean(RetryOverlapWarning.class).warning()).isNull());
	}

	@Test
	void staysQuietWhenNoBeanDeclaresARetry() {
		this.runner.withUserConfiguration(PlainService.Config.class)
			.run((context) -> assertThat(context.getBean(RetryOverlapWarning.class).warning()).isNull());
	}

	static class RetryingService {

		@Retryable
		String fetch() {
			return "fetched";
		}

		@Configuration(proxyBeanMethods = false)
		static class Config {

			@Bean
			RetryingService retryingService() {
				return new RetryingService();
			}

		}

	}

	static class PlainService {

		String fetch() {
			return "fetched";
		}

		@Configuration(proxyBeanMethods = false)
		static class Config {

			@Bean
			PlainService plainService() {
				return new PlainService();
			}

		}

	}

}
