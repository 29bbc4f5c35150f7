package dev.apiorm.wire;

import java.net.URI;
import java.util.List;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.fixtures.Invoice;
import dev.apiorm.fixtures.Payment;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relation to a model another client serves: its records are fetched through that
 * client, with its base URL and its own credentials, never the referring client's.
 */
class CrossClientRelationWireTests extends WireTestSupport {

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.token("default-token")
			.client(ApiClientSettings.defaults("billing", URI.create(wire.baseUrl() + "/billing"))
				.withToken("billing-token"));
	}

	@Test
	void prefetchingAndRelatedGoThroughTheClientThatServesTheRelatedModel() {
		stub(get(urlEqualTo("/api/v1/payments/?limit=2"))
			.willReturn(okJson(page(2L, null, "{\"id\":1,\"invoice\":3}", "{\"id\":2,\"invoice\":4}"))));
		stub(get(urlEqualTo("/billing/invoices/?id__in=3,4&limit=100"))
			.willReturn(okJson(page(2L, null, "{\"id\":3,\"cents\":300}", "{\"id\":4,\"cents\":400}"))));
		stub(get(urlEqualTo("/api/v1/payments/1/")).willReturn(okJson("{\"id\":1,\"invoice\":3}")));
		stub(get(urlEqualTo("/billing/invoices/3/")).willReturn(okJson("{\"id\":3,\"cents\":300}")));
		List<Payment> payments = this.orm.repository(Payment.class).all().selectRelated("invoice").list();
		assertThat(payments).extracting(Payment::invoice).containsExactly(new Invoice(3L, 300), new Invoice(4L, 400));
		Payment one = this.orm.reactiveRepository(Payment.class).get(1).block();
		assertThat(this.orm.reactiveRepository(Payment.class).related(one, Payment::invoice).block())
			.isEqualTo(new Invoice(3L, 300));
		assertThat(sent()).containsExactly("GET /api/v1/payments/?limit=2",
				"GET /billing/invoices/?id__in=3,4&limit=100", "GET /api/v1/payments/1/", "GET /billing/invoices/3/");
		wire.verify(2, getRequestedFor(urlPathMatching("/billing/invoices/.*")).withHeader("Authorization",
				containing("billing-token")));
		wire.verify(0, getRequestedFor(urlPathMatching("/billing/invoices/.*")).withHeader("Authorization",
				containing("default-token")));
		wire.verify(2, getRequestedFor(urlPathMatching("/api/v1/payments/.*")).withHeader("Authorization",
				containing("default-token")));
	}

}
