package dev.apiorm.test.docs;

import java.net.URI;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import dev.apiorm.Q;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.core.ModelValidator;
import dev.apiorm.core.ReactiveApiTemplate;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page pipeline's example ({@code docs/page-pipeline.md}): a stage of one's own,
 * after verification and tracking, sees every page a template reads.
 */
@ApiOrmTest
class PagePipelineExamplesTests {

	@Autowired
	FakeApi api;

	@Autowired
	ApiMappingContext mappingContext;

	@Test
	void aStageOfYourOwnSeesThePagesOfEveryRead() {
		this.api.seed(Article.class, List.of(new Article("One", "published", 1, "ann"),
				new Article("Two", "published", 2, "ann"), new Article("Three", "draft", 3, "bob")));
		URI baseUrl = URI.create(this.api.baseUrl());
		// tag::page-stage-template[]
		HandedOutRecords handedOut = new HandedOutRecords();
		ReactiveApiTemplate template = new ReactiveApiTemplate(ApiClientSettings.defaults("default", baseUrl),
				WebClient.create(), new DrfDialect(mappingContext.getJsonMapper()), mappingContext,
				ModelValidator.of(null), ObservationRegistry.NOOP, new DefaultApiExchangeObservationConvention(), null,
				List.of(), List.of(handedOut));
		// end::page-stage-template[]

		List<Article> published = template.findList(QueryDefinition.ALL.and(Q.of("status", "published")), Article.class)
			.block();
		long all = template.count(QueryDefinition.ALL, Article.class).block();

		assertThat(published).extracting(Article::getTitle).containsExactlyInAnyOrder("One", "Two");
		assertThat(all).isEqualTo(3);
		assertThat(handedOut.of("Article")).isEqualTo(2);
	}

}
