package dev.apiorm.conformance.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.conformance.NodeServer;
import dev.apiorm.conformance.RawAnswer;
import dev.apiorm.conformance.RightOrRefused;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.conformance.dialects.DatasetAccess;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.dialect.jsonserver.JsonServerDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;
import dev.apiorm.exception.IgnoredFilterException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of "never silently wrong", against real servers nobody here designed api-orm
 * for, each query through the blocking face: every answer is the server's truth (computed
 * from the dataset, or read without api-orm) or a refusal naming why.
 * <ul>
 * <li>Feathers 5 reads every parameter it does not know as an equality filter that
 * matches nothing: with the json-server dialect, every filter, ordering and window
 * parameter is such a parameter, and its empty answers must not be believed.</li>
 * <li>spring-petclinic-rest's owners match {@code lastName} by prefix, ignore every other
 * parameter and answer an empty list with 404.</li>
 * <li>A hand-written page DTO with {@code page} as a number: every listing is whole, not
 * its first page.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeverSilentlyWrongIT {

	private static final List<Long> ALL = DatasetAccess.ids((book) -> true);

	private final NodeServer feathers = NodeServer.start("feathers", "@feathersjs/feathers");

	private final SpringBooksServer.Running spring = SpringBooksServer.get();

	@AfterAll
	void stop() {
		this.feathers.close();
	}

	@Test
	void feathersReadThroughTheJsonServerDialectIsRefusedWhereverItsEmptyAnswersWouldBeWrong() {
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(this.feathers.baseUrl())
			.dialect(JsonServerDialect.NAME)
			.pageSize(10)
			.build()) {
			Outcomes outcomes = books(orm.repository(PlainBook.class));
			// Each of these has records in truth; Feathers answers [] to each parameter.
			assertThat(outcomes.refused).contains("all().list()", "filter(pages__gte=300).list()",
					"filter(pages__gte=300).count()", "filter(pages__gte=300).exists()", "orderBy(-pages).first()",
					"filter(genre=essay).count()");
		}
	}

	@Test
	void feathersPaginatedEnvelopeReadThroughTheDrfDialectIsNeverTakenForAnEmptyOrShortList() {
		try (ApiOrm orm = ApiOrm.builder().baseUrl(this.feathers.baseUrl()).dialect(DrfDialect.NAME).build()) {
			Outcomes outcomes = books(orm.repository(Book.class));
			assertThat(outcomes.answered).doesNotContain("all().list()", "all().count()");
		}
	}

	@Test
	void aPageDtoWithANumericPageIsReadWholeNotAsItsFirstPage() {
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(this.spring.baseUrl() + "/dto")
			.dialect(new SpringPageDialect(JsonMapper.builder().build(), List.of("exact", "in", "gte", "lte"),
					SpringPageDialect.DEFAULT_LOOKUP_PARAMETER))
			.pageSize(10)
			.build()) {
			Outcomes outcomes = books(orm.repository(Book.class));
			// The controller speaks this convention: nothing needs refusing.
			assertThat(outcomes.refused).isEmpty();
			assertThat(outcomes.answered).hasSize(outcomes.size());
		}
	}

	@Test
	void petclinicOwnersMatchedByPrefixAreRefusedAndTheirEmptyAnswersProven() {
		List<Owned> owners = RawAnswer.get(this.spring.baseUrl() + "/petclinic/api/owners")
			.body()
			.valueStream()
			.map((owner) -> new Owned(owner.get("id").asLong(), owner.get("lastName").asString(),
					owner.get("city").asString()))
			.toList();
		try (ApiOrm orm = ApiOrm.builder().baseUrl(this.spring.baseUrl()).dialect(DrfDialect.NAME).build()) {
			ApiRepository<Owner> repository = orm.repository(Owner.class);
			Outcomes outcomes = new Outcomes();
			outcomes.check("all().list()", () -> ids(repository.all().list()), owners.stream().map(Owned::id).toList());
			outcomes.check("all().count()", () -> repository.all().count(), (long) owners.size());
			for (String lastName : List.of("Davis", "Davisson", "Nobody")) {
				List<Long> truth = owners.stream()
					.filter((owner) -> owner.lastName().equals(lastName))
					.map(Owned::id)
					.toList();
				outcomes.check("filter(lastName=" + lastName + ").list()",
						() -> ids(repository.filter("lastName", lastName).list()), truth);
				outcomes.check("filter(lastName=" + lastName + ").count()",
						() -> repository.filter("lastName", lastName).count(), (long) truth.size());
				outcomes.check("filter(lastName=" + lastName + ").exists()",
						() -> repository.filter("lastName", lastName).exists(), !truth.isEmpty());
			}
			outcomes.check("filter(city=Madison).list()", () -> ids(repository.filter("city", "Madison").list()),
					owners.stream().filter((owner) -> owner.city().equals("Madison")).map(Owned::id).toList());
			outcomes.check("orderBy(-id).list()", () -> ids(repository.orderBy("-id").list()),
					owners.stream().map(Owned::id).sorted(Comparator.reverseOrder()).toList());
			// The prefix match shows in Davis's records (exists() too: the server sends
			// all
			// three for its one-record window); the other parameters are ignored. The
			// empty answers for Nobody (404) are proven and stand.
			assertThat(outcomes.refused).containsExactlyInAnyOrder("filter(lastName=Davis).list()",
					"filter(lastName=Davis).count()", "filter(lastName=Davis).exists()", "filter(city=Madison).list()",
					"orderBy(-id).list()");
			assertThat(outcomes.answered).contains("filter(lastName=Nobody).list()", "filter(lastName=Nobody).count()",
					"filter(lastName=Nobody).exists()", "filter(lastName=Davisson).count()", "all().count()");
		}
	}

	@Test
	void theReactiveFaceAnswersAndRefusesTheSameQueries() {
		try (ApiOrm orm = ApiOrm.builder().baseUrl(this.spring.baseUrl()).dialect(DrfDialect.NAME).build();
				ApiOrm plain = ApiOrm.builder()
					.baseUrl(this.feathers.baseUrl())
					.dialect(JsonServerDialect.NAME)
					.pageSize(10)
					.build();
				ApiOrm dto = ApiOrm.builder()
					.baseUrl(this.spring.baseUrl() + "/dto")
					.dialect(new SpringPageDialect(JsonMapper.builder().build(), List.of("exact", "gte"),
							SpringPageDialect.DEFAULT_LOOKUP_PARAMETER))
					.pageSize(10)
					.build()) {
			ReactiveApiRepository<Owner> owners = orm.reactiveRepository(Owner.class);
			StepVerifier.create(owners.filter("lastName", "Davis").count())
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IgnoredFilterException.class)
					.hasMessageContaining("lastName"))
				.verify(Duration.ofSeconds(30));
			StepVerifier.create(owners.filter("lastName", "Nobody").exists())
				.expectNext(false)
				.expectComplete()
				.verify(Duration.ofSeconds(30));
			StepVerifier.create(plain.reactiveRepository(PlainBook.class).filter("pages__gte", 300).count())
				.expectError(IgnoredFilterException.class)
				.verify(Duration.ofSeconds(30));
			StepVerifier.create(dto.reactiveRepository(Book.class).all().flux().map(Book::getId).collectList())
				.expectNext(ALL)
				.expectComplete()
				.verify(Duration.ofSeconds(30));
			StepVerifier.create(dto.reactiveRepository(Book.class).all().count())
				.expectNext((long) ALL.size())
				.expectComplete()
				.verify(Duration.ofSeconds(30));
		}
	}

	private static Outcomes books(ApiRepository<? extends Book> books) {
		Outcomes outcomes = new Outcomes();
		Predicate<Book> long300 = (book) -> book.getPages() >= 300;
		outcomes.check("all().list()", () -> ids(books.all().list()), ALL);
		outcomes.check("all().count()", () -> books.all().count(), (long) ALL.size());
		outcomes.check("all().stream()", () -> books.all().stream().map(Book::getId).toList(), ALL);
		outcomes.check("all().slice(8, 13).list()", () -> ids(books.all().slice(8, 13).list()), ALL.subList(8, 13));
		outcomes.check("filter(pages__gte=300).list()", () -> ids(books.filter("pages__gte", 300).list()),
				DatasetAccess.ids(long300));
		outcomes.check("filter(pages__gte=300).count()", () -> books.filter("pages__gte", 300).count(),
				(long) DatasetAccess.ids(long300).size());
		outcomes.check("filter(pages__gte=300).exists()", () -> books.filter("pages__gte", 300).exists(), true);
		outcomes.check("filter(pages__gte=100000).exists()", () -> books.filter("pages__gte", 100000).exists(), false);
		outcomes.check("filter(genre=essay).count()", () -> books.filter("genre", "essay").count(),
				(long) DatasetAccess.ids((book) -> book.getGenre().equals("essay")).size());
		int most = DatasetAccess.books().stream().mapToInt(Book::getPages).max().orElseThrow();
		outcomes.check("orderBy(-pages).first()",
				() -> books.orderBy("-pages").first().map(Book::getPages).orElse(null), most);
		return outcomes;
	}

	private static List<Long> ids(List<? extends Object> records) {
		return records.stream()
			.map((record) -> (record instanceof Book book) ? book.getId() : ((Owner) record).getId())
			.toList();
	}

	private record Owned(long id, String lastName, String city) {
	}

	/**
	 * Which operations answered (each with the truth) and which were refused.
	 */
	private static final class Outcomes {

		final List<String> answered = new ArrayList<>();

		final List<String> refused = new ArrayList<>();

		<T> void check(String what, Supplier<T> operation, T truth) {
			(RightOrRefused.check(what, operation, truth) ? this.answered : this.refused).add(what);
		}

		int size() {
			return this.answered.size() + this.refused.size();
		}

	}

}
