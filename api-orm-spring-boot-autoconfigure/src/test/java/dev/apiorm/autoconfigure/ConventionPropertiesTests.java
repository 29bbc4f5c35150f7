package dev.apiorm.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code api-orm.convention.*} and {@code api-orm.clients.<name>.convention.*}: any key
 * chooses the convention dialect for its client, a named client's keys are laid over the
 * default client's, the client pages as the convention does unless {@code pagination}
 * says otherwise, and a description that contradicts {@code dialect} or is wrong stops
 * start-up naming the property.
 */
class ConventionPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				ApiOrmAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=https://api.example.com",
				"api-orm.clients.books.base-url=https://books.example.com");

	@Test
	void aClientsConventionKeysChooseTheConventionDialectForThatClientAlone() {
		this.runner
			.withPropertyValues("api-orm.clients.books.convention.preset=nestjs-crud",
					"api-orm.clients.books.convention.filters.lookups.icontains=filter={field}||$cont||{value}")
			.run((context) -> {
				ApiTemplates templates = context.getBean(ApiTemplates.class);
				Dialect books = templates.getReactive("books").getDialect();
				assertThat(books.name()).isEqualTo("convention:nestjs-crud");
				assertThat(books.queryParameters(Q.of("title__icontains", "x"), List.of("-pages")))
					.isEqualTo("filter=title%7C%7C%24cont%7C%7Cx&sort=pages%2CDESC");
				assertThat(templates.getReactive("books").getSettings().paging().pagination())
					.isEqualTo(Pagination.PAGE_NUMBER);
				assertThat(templates.getReactive("default").getDialect()).isSameAs(context.getBean(DrfDialect.class));
			});
	}

	@Test
	void aNamedClientLaysItsKeysOverTheDefaultClientsConvention() {
		this.runner
			.withPropertyValues("api-orm.convention.preset=feathers", "api-orm.pagination=none",
					"api-orm.clients.books.convention.ordering.parameter=sort",
					"api-orm.clients.books.convention.ordering.ascending={field}",
					"api-orm.clients.books.convention.ordering.descending=-{field}",
					"api-orm.clients.books.convention.ordering.joiner=,")
			.run((context) -> {
				ApiTemplates templates = context.getBean(ApiTemplates.class);
				assertThat(templates.getReactive("default").getDialect().queryParameters(null, List.of("-pages")))
					.isEqualTo("%24sort%5Bpages%5D=-1");
				assertThat(templates.getReactive("default").getSettings().paging().pagination())
					.isEqualTo(Pagination.NONE);
				Dialect books = templates.getReactive("books").getDialect();
				assertThat(books.queryParameters(Q.of("pages__gte", 3), List.of("-pages", "title")))
					.isEqualTo("pages%5B%24gte%5D=3&sort=-pages,title");
			});
	}

	@Test
	void aConventionBesideAnotherDialectOrAWrongValueStopsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("api-orm.clients.books.dialect=drf", "api-orm.clients.books.convention.preset=feathers")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.clients.books.convention.*")
				.hasMessageContaining("api-orm.clients.books.dialect is 'drf'"));
		this.runner.withPropertyValues("api-orm.clients.books.convention.filters.lookups.gte={field}_gte")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.clients.books.convention.filters.lookups.gte"));
		this.runner.withPropertyValues("api-orm.dialect=convention")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("api-orm.convention.* describes none"));
	}

}
