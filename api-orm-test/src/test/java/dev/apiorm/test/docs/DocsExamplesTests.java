package dev.apiorm.test.docs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import dev.apiorm.ApiOrm;
import dev.apiorm.GetOrCreateResult;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.observation.ApiExchangeObservationConvention;
import dev.apiorm.core.observation.DefaultApiExchangeObservationConvention;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.exception.PreconditionFailedException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.exception.ValidationException;
import dev.apiorm.test.ApiOrmTest;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the reference documentation ({@code docs/}), run against the fake
 * API: each page's snippets are the tagged regions of these sources, which
 * {@link DocsShowTheirExamplesTests} finds in the pages word for word.
 */
// tag::testing[]
@ApiOrmTest(properties = "api-orm.drf.negation-suffix=n")
class DocsExamplesTests {

	@Autowired
	ArticleApi articles;

	@Autowired
	FakeApi api;

	@BeforeEach
	void seed() {
		this.api.seed(Article.class, List.of(new Article("Hello Spring", "published", 150, "ann"),
				new Article("Drafting", "draft", 3, "bob"), new Article("Spring Data", "published", 90, "bot")));
	}
	// end::testing[]

	@Autowired
	ReactiveArticleApi reactiveArticles;

	@Autowired
	ApiExchangeObservationConvention convention;

	@Test
	void querysets() {
		// tag::querysets[]
		List<Article> popular = articles.filter("status", "published")
			.filter("views__gte", 100)
			.exclude("author_name", "bot")
			.orderBy("-views")
			.slice(0, 10)
			.list();
		long drafts = articles.filter("status", "draft").count();
		boolean aboutSpring = articles.filter("title__icontains", "spring").exists();
		Article mostRead = articles.orderBy("-views").at(0);
		List<Map<String, Object>> titles = articles.orderBy("title").values("title", "views");
		// end::querysets[]
		assertThat(popular).extracting(Article::getTitle).containsExactly("Hello Spring");
		assertThat(drafts).isEqualTo(1);
		assertThat(aboutSpring).isTrue();
		assertThat(mostRead.getTitle()).isEqualTo("Hello Spring");
		assertThat(titles).extracting((row) -> row.get("title"))
			.containsExactly("Drafting", "Hello Spring", "Spring Data");
		assertThat(this.api.requests()).first()
			.isEqualTo(
					"GET /api/v1/articles/?status=published&views__gte=100&author_name__n=bot&ordering=-views&limit=10");
	}

	@Test
	void repositories() {
		// tag::derived[]
		Optional<Article> hello = articles.findByTitle("Hello Spring");
		List<Article> published = articles.findByStatusOrderByViewsDesc("published");
		Page<Article> page = articles.findByViewsGreaterThanEqual(10, PageRequest.of(0, 1, Sort.by("title")));
		long drafts = articles.countByStatus("draft");
		// end::derived[]
		assertThat(hello).isPresent();
		assertThat(published).extracting(Article::getTitle).containsExactly("Hello Spring", "Spring Data");
		assertThat(page.getContent()).extracting(Article::getTitle).containsExactly("Hello Spring");
		assertThat(page.getTotalElements()).isEqualTo(2);
		assertThat(drafts).isEqualTo(1);
	}

	@Test
	void reactive() {
		// tag::reactive[]
		Mono<Long> published = reactiveArticles.filter("status", "published").count();
		Flux<Article> popular = reactiveArticles.filter("views__gte", 100).orderBy("-views").flux();
		Mono<Tuple2<Long, List<Article>>> both = Mono.zip(published, popular.collectList());
		// end::reactive[]
		Tuple2<Long, List<Article>> result = both.block();
		assertThat(result.getT1()).isEqualTo(2);
		assertThat(result.getT2()).extracting(Article::getTitle).containsExactly("Hello Spring");
	}

	@Test
	void saving() {
		// tag::saving[]
		Article article = articles.create(new Article("Release notes", "draft", 0, "ann"));
		article.setStatus("published");
		articles.save(article); // PATCH {"status":"published"}, If-Match: the ETag it was
								// read with
		article.setViews(1);
		articles.save(article, "views"); // PATCH {"views":1}
		GetOrCreateResult<Article> notes = articles.getOrCreate(Map.of("title", "Release notes"),
				Map.of("status", "draft"));
		// end::saving[]
		assertThat(notes.created()).isFalse();
		assertThat(this.api.requests()).contains("PATCH /api/v1/articles/4/ {\"status\":\"published\"}",
				"PATCH /api/v1/articles/4/ {\"views\":1}");
	}

	@Test
	void conflicts() {
		Article stale = articles.get(1L);
		Article other = articles.get(1L);
		other.setViews(151);
		articles.save(other);
		stale.setTitle("Hello again");
		String current = null;
		// tag::conflict[]
		try {
			articles.save(stale);
		}
		catch (PreconditionFailedException conflict) {
			// Someone saved it first: decide from what the server holds now.
			Article latest = (Article) conflict.current().orElseThrow();
			current = latest.getTitle() + " " + latest.getViews();
		}
		// end::conflict[]
		assertThat(current).isEqualTo("Hello Spring 151");
	}

	@Test
	void errors() {
		String outcome = "";
		// tag::errors[]
		try {
			articles.get(42L);
		}
		catch (DoesNotExistException missing) {
			outcome = "no article 42";
		}
		try {
			articles.create(new Article(" ", "draft", 0, "ann"));
		}
		catch (ValidationException invalid) {
			outcome += ", " + invalid.fieldErrors().keySet(); // checked before sending:
																// [title]
		}
		// end::errors[]
		assertThat(outcome).isEqualTo("no article 42, [title]");
	}

	@Test
	void results() {
		List<Article> found = List.of();
		// tag::results[]
		try {
			found = articles.filter("title__icontains", "spring").orderBy("title").list();
		}
		catch (IgnoredFilterException ignored) {
			// The API sent records that contradict the query: it ignored
			// ignored.parameter().
			throw ignored;
		}
		catch (UnsupportedQueryException refused) {
			// The dialect cannot express the query: nothing was sent.
			throw refused;
		}
		// end::results[]
		assertThat(found).extracting(Article::getTitle).containsExactly("Hello Spring", "Spring Data");
	}

	@Test
	void exchangePolicies() {
		articles.get(1L);
		articles.filter("status", "draft").count();
		assertThat(this.api.requests()).containsExactly("GET /api/v1/articles/1/",
				"GET /api/v1/articles/?status=draft&limit=100");
		List<String> ids = this.api.requestHeaders("X-Request-Id");
		assertThat(ids).hasSize(2)
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(id)
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
	}

	@Test
	void withoutBoot() {
		List<Article> published;
		// tag::builder[]
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(api.baseUrl())
			.timeout(Duration.ofSeconds(10))
			.options((options) -> options.withPaging(options.paging().withMaxListRecords(10_000)))
			.build()) {
			published = orm.repository(Article.class).filter("status", "published").list();
		}
		// end::builder[]
		assertThat(published).extracting(Article::getTitle).containsExactlyInAnyOrder("Hello Spring", "Spring Data");
	}

	@Test
	void observability() {
		assertThat(this.convention.getName()).isEqualTo("acme.api.calls");
	}

	@TestConfiguration
	static class Observability {

		// tag::convention[]
		@Bean
		ApiExchangeObservationConvention apiExchangeObservationConvention() {
			return new DefaultApiExchangeObservationConvention() {

				@Override
				public String getName() {
					return "acme.api.calls";
				}

			};
		}
		// end::convention[]

	}

	@TestConfiguration
	static class ExchangePolicies {

		// tag::exchange-policy[]
		@Bean
		@Order(1)
		ExchangePolicy requestId() {
			// Per attempt (the default stage): a retried request gets an id of its own.
			return (request, next) -> next
				.exchange(request.mutate().header("X-Request-Id", UUID.randomUUID().toString()).build());
		}
		// end::exchange-policy[]

	}

}
