package dev.apiorm.conformance.dialects;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.Q;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.exception.UnsupportedQueryException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every QuerySet operation against a real server of one convention, serving the books of
 * {@code conformance/books.json}, with results verified ({@code verify-results} is on)
 * and compared with the dataset and with what the server holds after each write. A
 * server's test says which lookups its dialect refuses; those must fail naming the
 * dialect, before anything is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractDialectConformanceIT {

	private static final Comparator<Book> BY_ID = Comparator.comparing(Book::getId);

	private ApiOrm orm;

	/** The client of the server, with pages of 4 records so that lists take several. */
	protected abstract ApiOrm connect();

	/** The dialect's name. */
	protected abstract String dialect();

	/** The names of the lookups of {@link #lookups()} the dialect refuses. */
	protected abstract Set<String> refused();

	/**
	 * The lookups of {@link #lookups()} the dialect sends but the server ignores, which
	 * verified results must catch ({@link IgnoredFilterException}), with the parameter
	 * the exception must name.
	 */
	protected Map<String, String> ignoredByTheServer() {
		return Map.of();
	}

	/**
	 * The record of an id as the server holds it, read without api-orm, as an object of
	 * the model's fields; {@code null} when the server has none.
	 */
	protected abstract @Nullable JsonNode serverRecord(long id);

	protected ApiRepository<Book> books() {
		if (this.orm == null) {
			this.orm = connect();
		}
		return this.orm.repository(Book.class);
	}

	@AfterAll
	void close() {
		if (this.orm != null) {
			this.orm.close();
		}
	}

	static Stream<Arguments> lookups() {
		return Stream.of(lookup("exact", Q.of("genre", "novel"), (b) -> b.getGenre().equals("novel")),
				lookup("exact-number", Q.of("pages", 191), (b) -> b.getPages() == 191),
				lookup("boolean", Q.of("available", false), (b) -> !b.getAvailable()),
				lookup("iexact", Q.of("title__iexact", "WAR AND PEACE"),
						(b) -> b.getTitle().equalsIgnoreCase("war and peace")),
				lookup("icontains", Q.of("title__icontains", "THE"), (b) -> b.getTitle().toLowerCase().contains("the")),
				lookup("istartswith", Q.of("title__istartswith", "the "),
						(b) -> b.getTitle().toLowerCase().startsWith("the ")),
				lookup("iendswith", Q.of("title__iendswith", "S"), (b) -> b.getTitle().toLowerCase().endsWith("s")),
				lookup("contains", Q.of("title__contains", "a"), (b) -> b.getTitle().contains("a")),
				lookup("gte", Q.of("pages__gte", 300), (b) -> b.getPages() >= 300),
				lookup("gt", Q.of("pages__gt", 302), (b) -> b.getPages() > 302),
				lookup("lte", Q.of("pages__lte", 191), (b) -> b.getPages() <= 191),
				lookup("lt", Q.of("pages__lt", 191), (b) -> b.getPages() < 191),
				lookup("range", Q.of("pages__range", List.of(150, 400)),
						(b) -> b.getPages() >= 150 && b.getPages() <= 400),
				lookup("in", Q.of("genre__in", List.of("novel", "drama")),
						(b) -> b.getGenre().equals("novel") || b.getGenre().equals("drama")),
				lookup("date-gte", Q.of("published__gte", LocalDate.of(1900, 1, 1)),
						(b) -> !b.getPublished().isBefore(LocalDate.of(1900, 1, 1))),
				lookup("exclude", Q.of("genre", "novel").negate(), (b) -> !b.getGenre().equals("novel")),
				lookup("exclude-gte", Q.of("pages__gte", 300).negate(), (b) -> b.getPages() < 300),
				lookup("and", Q.of("pages__gte", 200).and(Q.of("genre", "poetry")),
						(b) -> b.getPages() >= 200 && b.getGenre().equals("poetry")),
				lookup("or", Q.of("genre", "novel").or(Q.of("pages__lt", 150)),
						(b) -> b.getGenre().equals("novel") || b.getPages() < 150));
	}

	private static Arguments lookup(String name, Q condition, Predicate<Book> truth) {
		return Arguments.of(name, condition, truth);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lookups")
	void everyLookupReturnsWhatTheDatasetHoldsOrIsRefusedNamingTheDialect(String name, Q condition,
			Predicate<Book> truth) {
		if (refused().contains(name)) {
			assertThatExceptionOfType(UnsupportedQueryException.class)
				.isThrownBy(() -> books().filter(condition).orderBy("id").list())
				.withMessageContaining("'" + dialect() + "'");
			return;
		}
		String ignored = ignoredByTheServer().get(name);
		if (ignored != null) {
			assertThatExceptionOfType(IgnoredFilterException.class)
				.isThrownBy(() -> books().filter(condition).orderBy("id").list())
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(ignored));
			return;
		}
		List<Long> expected = Dataset.ids(truth, BY_ID);
		assertThat(expected).as("the case selects some books and leaves some").isNotEmpty().hasSizeLessThan(25);
		assertThat(books().filter(condition).orderBy("id").list()).extracting(Book::getId)
			.containsExactlyElementsOf(expected);
		assertThat(books().filter(condition).count()).isEqualTo(expected.size());
	}

	/**
	 * The failure of a server that sorts by one field only, {@code null} when it sorts by
	 * several.
	 */
	protected @Nullable Class<? extends Exception> orderingByTwoFieldsFailsWith() {
		return null;
	}

	@Test
	void orderingsAreTheServersAndAgreeWithTheDataset() {
		assertThat(books().orderBy("-pages").list()).extracting(Book::getId)
			.containsExactlyElementsOf(Dataset.ids((b) -> true, Comparator.comparing(Book::getPages).reversed()));
		Class<? extends Exception> failure = orderingByTwoFieldsFailsWith();
		if (failure != null) {
			assertThatExceptionOfType(failure).isThrownBy(() -> books().orderBy("genre", "-published").list());
			return;
		}
		assertThat(books().orderBy("genre", "-published").list()).extracting(Book::getId)
			.containsExactlyElementsOf(Dataset.ids((b) -> true,
					Comparator.comparing(Book::getGenre).thenComparing(Book::getPublished, Comparator.reverseOrder())));
	}

	@Test
	void iterationFollowsEveryPage() {
		assertThat(books().all().orderBy("id").list()).extracting(Book::getId)
			.containsExactlyElementsOf(Dataset.ids((b) -> true, BY_ID));
		assertThat(books().count()).isEqualTo(25);
		assertThat(books().exists()).isTrue();
	}

	@Test
	void slicesAndPositionsAreTheWindowAskedFor() {
		List<Long> ids = Dataset.ids((b) -> true, BY_ID);
		assertThat(books().orderBy("id").slice(5, 15).list()).extracting(Book::getId)
			.containsExactlyElementsOf(ids.subList(5, 15));
		assertThat(books().orderBy("id").slice(13, 14).list()).extracting(Book::getId).containsExactly(ids.get(13));
		assertThat(books().orderBy("id").at(7).getId()).isEqualTo(ids.get(7));
		assertThat(books().orderBy("id").first()).get().extracting(Book::getId).isEqualTo(ids.get(0));
		assertThat(books().orderBy("id").last()).get().extracting(Book::getId).isEqualTo(ids.get(24));
		assertThat(books().orderBy("-pages").slice(2, 6).list()).extracting(Book::getId)
			.containsExactlyElementsOf(
					Dataset.ids((b) -> true, Comparator.comparing(Book::getPages).reversed()).subList(2, 6));
	}

	@Test
	void recordsAreReadByIdWithEveryField() {
		Book book = books().get(3L);
		Book truth = Dataset.byId(3);
		assertThat(book).usingRecursiveComparison().isEqualTo(truth);
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> books().get(999_999L));
	}

	@Test
	void valuesAreTheRecordsFields() {
		List<Map<String, Object>> values = books().orderBy("id").slice(0, 3).values("title");
		assertThat(values).extracting((row) -> row.get("title"))
			.containsExactly(Dataset.byId(1).getTitle(), Dataset.byId(2).getTitle(), Dataset.byId(3).getTitle());
	}

	@Test
	void valuesAreInTheModelsJavaTypesWhateverTheWireWrote() {
		// JSON:API writes ids as strings, every API writes dates as strings.
		List<List<Object>> rows = books().orderBy("id").slice(0, 2).valuesList("id", "published", "pages");
		Book first = Dataset.byId(1);
		Book second = Dataset.byId(2);
		assertThat(rows).containsExactly(List.of(1L, first.getPublished(), first.getPages()),
				List.of(2L, second.getPublished(), second.getPages()));
		assertThat(rows.get(0).get(0)).isInstanceOf(Long.class);
		assertThat(rows.get(0).get(1)).isInstanceOf(LocalDate.class);
	}

	@Test
	void writesReachTheServerAndComeBack() {
		Book created = books()
			.create(new Book("Conformance " + dialect(), 123, LocalDate.of(2020, 5, 17), "essay", true));
		long id = created.getId();
		try {
			assertThat(id).isGreaterThan(25);
			assertThat(serverRecord(id).get("title").asString()).isEqualTo("Conformance " + dialect());
			assertThat(books().get(id).getPages()).isEqualTo(123);

			// A tracked instance: its changed field only.
			created.setTitle("Changed " + dialect());
			books().save(created);
			assertThat(serverRecord(id).get("title").asString()).isEqualTo("Changed " + dialect());
			assertThat(serverRecord(id).get("pages").asInt()).isEqualTo(123);

			created.setPages(321);
			books().save(created, "pages");
			assertThat(serverRecord(id).get("pages").asInt()).isEqualTo(321);

			// An instance the application built: the whole record replaced.
			Book replacement = new Book("Replaced " + dialect(), 7, LocalDate.of(2021, 1, 2), "drama", false);
			replacement.setId(id);
			Book saved = books().save(replacement);
			assertThat(saved.getTitle()).isEqualTo("Replaced " + dialect());
			JsonNode held = serverRecord(id);
			assertThat(held.get("title").asString()).isEqualTo("Replaced " + dialect());
			assertThat(held.get("genre").asString()).isEqualTo("drama");
			assertThat(held.get("pages").asInt()).isEqualTo(7);

			Book stale = books().get(id);
			Book other = books().get(id);
			other.setPages(8);
			books().save(other, "pages");
			assertThat(books().refresh(stale).getPages()).isEqualTo(8);
			assertThat(stale.getPages()).isEqualTo(8);
		}
		finally {
			books().deleteById(id);
		}
		assertThat(serverRecord(id)).isNull();
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> books().get(id));
	}

}
