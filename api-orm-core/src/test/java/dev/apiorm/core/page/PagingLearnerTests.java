package dev.apiorm.core.page;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.apiorm.Pagination;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.PageLayout;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.RecordsReader;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.fixtures.Tag;
import dev.apiorm.fixtures.User;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The first page of a window checked against where it was asked to start, and what it
 * teaches about the endpoint's paging: taken as it is, taken as the whole collection,
 * asked for again in the paging it showed, or refused naming the paging parameter.
 */
class PagingLearnerTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	/** The DRF dialect, reading a page's layout from the page itself. */
	private final DrfDialect dialect = new DrfDialect(this.context.getJsonMapper()) {

		@Override
		public PageLayout layoutOf(PageResult<?> page, String requestUrl) {
			return (page.layout() != null) ? page.layout() : PageLayout.UNKNOWN;
		}

	};

	private final PagingLearner learner = learner(true);

	@Test
	void anEndpointPagesAsItsModelDeclaresElseAsTheClient() {
		assertThat(this.learner.profile(this.users)).isEqualTo(new PagingProfile(Pagination.LIMIT_OFFSET, null));
		assertThat(this.learner.profile(this.context.getRequiredEntity(Tag.class)))
			.isEqualTo(new PagingProfile(Pagination.PAGE_NUMBER, null));
	}

	@Test
	void theFirstRequestOfAWindowIsWrittenInTheProfilesPaging() {
		PagingLearner.Attempt offsets = attempt(QueryDefinition.ALL.slice(10, 12), offsets());
		PagingLearner.Attempt pages = attempt(QueryDefinition.ALL.slice(5, 8),
				new PagingProfile(Pagination.PAGE_NUMBER, 4));

		assertThat(offsets.firstUrl()).isEqualTo("http://api.test/api/v1/users/?role=admin&limit=2&offset=10");
		assertThat(offsets.start().skip()).isZero();
		assertThat(pages.firstUrl()).isEqualTo("http://api.test/api/v1/users/?role=admin&page=2&page_size=4");
		assertThat(pages.start().skip()).isEqualTo(1);
	}

	@Test
	void aPageThatStartsWhereAskedIsTakenAndTeachesNothing() {
		PagingLearner.Attempt attempt = attempt(QueryDefinition.ALL.slice(10, 12), offsets());
		PageResult<Integer> page = page(10L, Pagination.LIMIT_OFFSET, 2, "http://api.test/next");

		assertThat(this.learner.check(attempt, page)).isSameAs(page);
		assertThat(this.learner.profile(this.users)).isEqualTo(offsets());
	}

	@Test
	void aPageSizeTheServerFixesIsLearntAndTheWindowAskedForAgain() {
		PagingLearner.Attempt attempt = attempt(QueryDefinition.ALL.slice(4, 6),
				new PagingProfile(Pagination.PAGE_NUMBER, null));

		assertThatExceptionOfType(PagingLearner.PagingChanged.class)
			.isThrownBy(() -> this.learner.check(attempt, page(6L, Pagination.PAGE_NUMBER, 3, "http://api.test/next")))
			.satisfies(
					(changed) -> assertThat(changed.paging()).isEqualTo(new PagingProfile(Pagination.PAGE_NUMBER, 3)));
		assertThat(this.learner.profile(this.users)).isEqualTo(new PagingProfile(Pagination.PAGE_NUMBER, 3));
	}

	@Test
	void whatWasLearntIsShownByModelAndNothingBefore() {
		assertThat(this.learner.learnt()).isEmpty();
		PagingLearner.Attempt taught = attempt(QueryDefinition.ALL.slice(4, 6),
				new PagingProfile(Pagination.PAGE_NUMBER, null));
		assertThatExceptionOfType(PagingLearner.PagingChanged.class)
			.isThrownBy(() -> this.learner.check(taught, page(6L, Pagination.PAGE_NUMBER, 3, "http://api.test/next")));
		PagingLearner.Attempt plain = attempt(QueryDefinition.ALL.slice(10, 12), offsets());
		this.learner.check(plain, page(10L, Pagination.LIMIT_OFFSET, 2, "http://api.test/next"));

		assertThat(this.learner.learnt()).containsExactly(new LearntPaging("User", Pagination.PAGE_NUMBER, 3));
	}

	@Test
	void aWindowAskedForAgainThatStillStartsElsewhereIsRefusedNamingThePage() {
		PagingLearner.Attempt again = this.learner.attempt(this.users, QueryDefinition.ALL.slice(4, 6), "",
				new PagingProfile(Pagination.PAGE_NUMBER, null), false);

		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.learner.check(again, page(6L, Pagination.PAGE_NUMBER, 3, "http://api.test/next")))
			.satisfies((ignored) -> assertThat(ignored.parameter()).isEqualTo("page"))
			.withMessageContaining("User list: the API ignored the paging asked for (page=3&page_size=2)")
			.withMessageContaining("starts at record 6, not at record 4")
			.withMessageContaining("to the window [4, 6)");
	}

	@Test
	void aPageThatStartsElsewhereWithoutAnotherPagingIsRefusedNamingTheOffset() {
		PagingLearner.Attempt attempt = attempt(QueryDefinition.ALL.slice(10, 12), offsets());

		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.learner.check(attempt, page(0L, Pagination.LIMIT_OFFSET, 2, "http://api.test/n")))
			.satisfies((ignored) -> assertThat(ignored.parameter()).isEqualTo("offset"));
	}

	@Test
	void aCollectionSentWholeIsTakenAsSuch() {
		PagingLearner.Attempt attempt = attempt(QueryDefinition.ALL.slice(2, 4), offsets());
		PageResult<Integer> all = new PageResult<>(List.of(0, 1, 2, 3, 4), 5L, null, true, null,
				new PageLayout(0L, Pagination.LIMIT_OFFSET, null));

		PageResult<Integer> taken = this.learner.check(attempt, all);

		assertThat(taken.paginated()).isFalse();
		assertThat(taken.records()).containsExactly(0, 1, 2, 3, 4);
		assertThat(taken.count()).isEqualTo(5L);
	}

	@Test
	void aPageThatLinksItselfAsItsNextIsNotTheOneAskedFor() {
		PagingLearner.Attempt attempt = attempt(QueryDefinition.ALL.slice(10, 12), offsets());
		PageResult<Integer> loop = new PageResult<>(List.of(1), 100L,
				"http://api.test/api/v1/users/?offset=10&limit=2&role=admin", true);

		assertThatExceptionOfType(IgnoredFilterException.class).isThrownBy(() -> this.learner.check(attempt, loop))
			.withMessageContaining("links the page asked for as its own next page");
	}

	@Test
	void withoutVerificationTheFirstPageIsTakenAsItIs() {
		PagingLearner unchecked = learner(false);
		PagingLearner.Attempt attempt = unchecked.attempt(this.users, QueryDefinition.ALL.slice(4, 6), "",
				new PagingProfile(Pagination.PAGE_NUMBER, null), true);
		PageResult<Integer> elsewhere = page(6L, Pagination.PAGE_NUMBER, 3, "http://api.test/next");

		assertThat(unchecked.check(attempt, elsewhere)).isSameAs(elsewhere);
		assertThat(unchecked.profile(this.users)).isEqualTo(offsets());
	}

	@Test
	void anUnpaginatedAnswerIsLeftToTheWindow() {
		PagingLearner.Attempt attempt = attempt(QueryDefinition.ALL.slice(2, 4), offsets());
		PageResult<Integer> array = new PageResult<>(List.of(0, 1, 2, 3, 4), 5L, null, false);

		assertThat(this.learner.check(attempt, array)).isSameAs(array);
	}

	private PagingLearner learner(boolean verify) {
		return new PagingLearner(this.dialect, new Urls(), Pagination.LIMIT_OFFSET, 2, verify);
	}

	private PagingLearner.Attempt attempt(QueryDefinition query, PagingProfile paging) {
		return this.learner.attempt(this.users, query, "role=admin", paging, true);
	}

	private static PagingProfile offsets() {
		return new PagingProfile(Pagination.LIMIT_OFFSET, null);
	}

	private static PageResult<Integer> page(long start, Pagination style, int size, String next) {
		return new PageResult<>(List.of(1, 2), 100L, next, true, null, new PageLayout(start, style, size));
	}

	/**
	 * URLs only: the learner fetches nothing.
	 */
	private static final class Urls implements PageSource {

		@Override
		public String collectionUrl(ApiPersistentEntity<?> entity, String... parameterGroups) {
			return "http://api.test" + entity.getEndpoint() + "?" + String.join("&", parameterGroups);
		}

		@Override
		public String nextUrl(ApiPersistentEntity<?> entity, String pageUrl, String link) {
			return link;
		}

		@Override
		public String display(String url) {
			return url;
		}

		@Override
		public <R> Mono<PageResult<R>> fetch(ApiPersistentEntity<?> entity, String operation, String url,
				RecordsReader<R> records) {
			throw new UnsupportedOperationException();
		}

	}

}
