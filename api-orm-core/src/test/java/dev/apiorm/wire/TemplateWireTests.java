package dev.apiorm.wire;

import java.net.URI;
import java.util.List;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.Q;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ApiOperations;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.fixtures.Invoice;
import dev.apiorm.fixtures.User;
import dev.apiorm.query.QueryDefinition;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The template as users call it, the level below repositories: the same requests, and
 * only the models of its own client.
 */
class TemplateWireTests extends WireTestSupport {

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.client(ApiClientSettings.defaults("billing", URI.create("http://127.0.0.1:1")));
	}

	@Test
	void findAndCountSendTheQueryOfTheDefinition() {
		stub(get(urlEqualTo("/api/v1/users/?age__gte=18&ordering=name&limit=2"))
			.willReturn(okJson(page(1L, null, user(1, "Ann")))));
		stub(get(urlEqualTo("/api/v1/users/?age__gte=18&limit=2")).willReturn(okJson(page(1L, null, user(1, "Ann")))));
		ApiOperations template = this.orm.template("default");
		QueryDefinition adults = QueryDefinition.ALL.and(Q.of("age__gte", 18)).orderedBy(List.of("name"));
		assertThat(template.find(adults, User.class)).extracting(User::getName).containsExactly("Ann");
		assertThat(template.count(adults, User.class)).isEqualTo(1);
		assertThat(sent()).containsExactly("GET /api/v1/users/?age__gte=18&ordering=name&limit=2",
				"GET /api/v1/users/?age__gte=18&limit=2");
	}

	@Test
	void aModelOfAnotherClientIsRefusedOnEveryCall() {
		ApiOperations template = this.orm.template("default");
		for (int call = 0; call < 2; call++) {
			assertThatExceptionOfType(ConfigurationException.class)
				.isThrownBy(() -> template.findById(1, Invoice.class))
				.withMessage(Invoice.class.getName() + " is served by the client 'billing', not by 'default'");
		}
		assertThat(sent()).isEmpty();
	}

}
