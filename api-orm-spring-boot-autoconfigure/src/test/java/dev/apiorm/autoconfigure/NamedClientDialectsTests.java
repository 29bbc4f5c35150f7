package dev.apiorm.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.apiorm.ApiOrm;
import dev.apiorm.Q;
import dev.apiorm.autoconfigure.app.Invoice;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.exception.UnsupportedQueryException;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A named client's dialect keys ({@code api-orm.clients.<name>.drf.*},
 * {@code spring-page.*}, {@code jsonapi.*}, ...) configure that client's dialect alone:
 * it gets an instance of its own, the others keep the beans made from {@code api-orm.*}.
 */
class NamedClientDialectsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				ApiOrmAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=https://api.example.com",
				"api-orm.clients.billing.base-url=https://billing.example.com");

	private WireMockServer wire;

	@BeforeEach
	void startWire() {
		this.wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.wire.start();
	}

	@AfterEach
	void stopWire() {
		this.wire.stop();
	}

	@Test
	void aNamedClientsLookupsAreSentOnTheWireByItsOwnDialect() {
		this.wire.stubFor(get(urlPathEqualTo("/billing/invoices/")).willReturn(okJson(
				"{\"content\":[{\"id\":1,\"total\":150}],\"page\":{\"size\":100,\"number\":0,\"totalElements\":1,"
						+ "\"totalPages\":1}}")));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
					ApiOrmAutoConfiguration.class))
			.withPropertyValues("api-orm.base-url=" + this.wire.baseUrl() + "/main", "api-orm.dialect=spring-page",
					"api-orm.clients.billing.base-url=" + this.wire.baseUrl() + "/billing",
					"api-orm.clients.billing.spring-page.lookups=exact,gte",
					"api-orm.clients.billing.spring-page.lookup-parameter={field}.{lookup}")
			.run((context) -> {
				ApiOrm orm = context.getBean(ApiOrm.class);
				// billing inherits dialect=spring-page and declares gte of its own.
				List<Invoice> invoices = orm.repository(Invoice.class).filter("total__gte", 100).list();
				assertThat(invoices).containsExactly(new Invoice(1L, 150));
				List<ServeEvent> served = this.wire.getAllServeEvents();
				assertThat(served).hasSize(1);
				assertThat(served.get(0).getRequest().getMethod().getName()).isEqualTo("GET");
				assertThat(served.get(0).getRequest().getUrl())
					.isEqualTo("/billing/invoices/?total.gte=100&page=0&size=100");
				// The default client binds exact only, as api-orm.spring-page.lookups
				// says.
				Dialect main = orm.templates().getReactive("default").getDialect();
				assertThat(main).isSameAs(context.getBean(SpringPageDialect.class));
				assertThatExceptionOfType(UnsupportedQueryException.class)
					.isThrownBy(() -> main.queryParameters(Q.of("total__gte", 100), List.of()))
					.withMessageContaining("api-orm.spring-page.lookups");
			});
	}

	@Test
	void aNamedClientsDrfNegationSuffixIsItsOwn() {
		this.runner.withPropertyValues("api-orm.clients.billing.drf.negation-suffix=not").run((context) -> {
			ApiTemplates templates = context.getBean(ApiTemplates.class);
			Dialect billing = templates.getReactive("billing").getDialect();
			assertThat(billing.queryParameters(Q.of("role", "banned").negate(), List.of()))
				.isEqualTo("role__not=banned");
			Dialect main = templates.getReactive("default").getDialect();
			assertThat(main).isSameAs(context.getBean(DrfDialect.class));
			assertThatExceptionOfType(UnsupportedQueryException.class)
				.isThrownBy(() -> main.queryParameters(Q.of("role", "banned").negate(), List.of()))
				.withMessageContaining("api-orm.drf.negation-suffix");
		});
	}

	@Test
	void aNamedClientInheritsTheDialectKeysOfApiOrmAndSharesTheirBean() {
		this.runner.withPropertyValues("api-orm.drf.negation-suffix=n").run((context) -> {
			ApiTemplates templates = context.getBean(ApiTemplates.class);
			assertThat(templates.getReactive("billing").getDialect()).isSameAs(context.getBean(DrfDialect.class));
			assertThat(templates.getReactive("billing")
				.getDialect()
				.queryParameters(Q.of("role", "banned").negate(), List.of())).isEqualTo("role__n=banned");
		});
	}

	@Test
	void namedClientsWithTheSameDialectKeysShareOneInstance() {
		this.runner
			.withPropertyValues("api-orm.clients.billing.dialect=jsonapi",
					"api-orm.clients.billing.jsonapi.lookups=exact,gte",
					"api-orm.clients.shop.base-url=https://shop.example.com", "api-orm.clients.shop.dialect=jsonapi",
					"api-orm.clients.shop.jsonapi.lookups=exact,gte",
					"api-orm.clients.plain.base-url=https://plain.example.com", "api-orm.clients.plain.dialect=jsonapi")
			.run((context) -> {
				ApiTemplates templates = context.getBean(ApiTemplates.class);
				Dialect billing = templates.getReactive("billing").getDialect();
				assertThat(billing.queryParameters(Q.of("pages__gte", 3), List.of()))
					.isEqualTo("filter%5Bpages%5D%5Bgte%5D=3");
				assertThat(templates.getReactive("shop").getDialect()).isSameAs(billing);
				assertThat(templates.getReactive("plain").getDialect()).isNotSameAs(billing)
					.isSameAs(context.getBean(dev.apiorm.dialect.jsonapi.JsonApiDialect.class));
			});
	}

	@Test
	void aBeanOfABuiltInClassReplacesTheBuiltInBean() {
		SpringPageDialect own = new SpringPageDialect(JsonMapper.builder().build(), List.of("exact", "gte"),
				"{field}_{lookup}");
		this.runner.withBean("ownPageDialect", SpringPageDialect.class, () -> own)
			.withPropertyValues("api-orm.dialect=spring-page")
			.run((context) -> {
				assertThat(context).hasSingleBean(SpringPageDialect.class).doesNotHaveBean("springPageDialect");
				assertThat(context.getBean(ApiTemplates.class).getReactive("billing").getDialect()).isSameAs(own);
			});
	}

	@Test
	void aWrongDialectKeyOfANamedClientStopsStartUpNamingIt() {
		this.runner
			.withPropertyValues("api-orm.clients.billing.dialect=spring-data-rest",
					"api-orm.clients.billing.spring-data-rest.lookups=exact,between")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.clients.billing.spring-data-rest.lookups"));
	}

	@Test
	void dialectKeysOfANamedClientCannotConfigureTheApplicationsOwnDialect() {
		this.runner.withBean(DrfDialect.class, () -> new DrfDialect(JsonMapper.builder().build(), null) {
		})
			.withPropertyValues("api-orm.clients.billing.drf.negation-suffix=not")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.clients.billing.drf.*"));
	}

}
