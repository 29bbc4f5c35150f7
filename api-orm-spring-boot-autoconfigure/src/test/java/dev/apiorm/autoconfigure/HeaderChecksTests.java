package dev.apiorm.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.apiorm.exception.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every header name and value from configuration is checked at start-up (issue 24): a
 * line break, a control character or a name that is not an HTTP token stops start-up with
 * a {@link ConfigurationException} naming the property, never showing the value.
 */
class HeaderChecksTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiOrmAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=https://api.example.com",
				"api-orm.clients.billing.base-url=https://billing.example.com");

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"api-orm.default-headers.X-Key | s3cret\\r\\nX-Evil: 1 | api-orm.default-headers.X-Key",
			"api-orm.clients.billing.default-headers.X-Key | s3cret\\nX-Evil: 1 | api-orm.clients.billing.default-headers.X-Key",
			"api-orm.default-headers.X-Key | s3c\\u0007ret | api-orm.default-headers.X-Key",
			"api-orm.default-headers[X Key] | s3cret | api-orm.default-headers",
			"api-orm.user-agent | shop/1\\r\\nX-Evil: s3cret | api-orm.user-agent",
			"api-orm.clients.billing.user-agent | shop/1\\rs3cret | api-orm.clients.billing.user-agent",
			"api-orm.retry.idempotency-key-header | Idempotency-Key\\r\\nX-s3cret: 1 | api-orm.retry.idempotency-key-header",
			"api-orm.clients.billing.retry.idempotency-key-header | Idempotency Key | api-orm.clients.billing.retry.idempotency-key-header",
			"api-orm.auth-scheme | Bearer\\ns3cret | api-orm.auth-scheme",
			"api-orm.token | t0k\\r\\nX-Evil: s3cret | api-orm.token" })
	void aBadHeaderStopsStartUpNamingThePropertyWithoutItsValue(String property, String value, String named) {
		String unescaped = value.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0007", "\u0007");
		this.runner.withPropertyValues(property + "=" + unescaped).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining(named);
			if (!property.endsWith("idempotency-key-header") && !property.endsWith("]")) {
				assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("s3cret");
			}
		});
	}

}
