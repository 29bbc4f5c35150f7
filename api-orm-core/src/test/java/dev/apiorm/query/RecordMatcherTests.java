package dev.apiorm.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.apiorm.Q;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions compiled against a record's fields: lookups the client can evaluate, those
 * it cannot, negation with Django's null semantics, and which part of a condition a
 * record contradicts.
 */
class RecordMatcherTests {

	private static final RecordFields<Map<String, Object>> FIELDS = (name) -> switch (name) {
		case "genre", "title" -> field(name, String.class, true);
		case "year" -> field(name, Integer.class, true);
		case "pages" -> field(name, Integer.class, false);
		case "published" -> field(name, LocalDate.class, true);
		default -> null;
	};

	private static RecordFields.Field<Map<String, Object>> field(String name, Class<?> type, boolean nullable) {
		return new RecordFields.Field<>() {

			@Override
			public @Nullable Object get(Map<String, Object> record) {
				return record.get(name);
			}

			@Override
			public Object convert(Object value) {
				if (type.isInstance(value)) {
					return value;
				}
				if (type == Integer.class) {
					return Integer.valueOf(value.toString());
				}
				if (type == LocalDate.class) {
					return LocalDate.parse(value.toString());
				}
				return value.toString();
			}

			@Override
			public boolean isNullable() {
				return nullable;
			}

			@Override
			public boolean isIntegral() {
				return type == Integer.class;
			}

		};
	}

	private static Map<String, Object> book(String genre, @Nullable Integer year) {
		Map<String, Object> book = new HashMap<>();
		book.put("genre", genre);
		book.put("title", "The Raven");
		book.put("year", year);
		book.put("pages", 0);
		book.put("published", LocalDate.of(1845, 1, 29));
		return book;
	}

	@Test
	void queryValuesAreConvertedToTheFieldsTypeOnce() {
		RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(Q.of("year__gte", "1990"), FIELDS);
		assertThat(matcher.test(book("poetry", 1995))).isEqualTo(Truth.TRUE);
		assertThat(matcher.test(book("poetry", 1845))).isEqualTo(Truth.FALSE);
		assertThat(RecordMatcher.of(Q.of("published__lt", "1900-01-01"), FIELDS).test(book("poetry", 1845)))
			.isEqualTo(Truth.TRUE);
	}

	@Test
	void excludeKeepsRecordsWhoseValueIsMissing() {
		// Django: exclude(year__gt=1900) is NOT (year > 1900 AND year IS NOT NULL).
		RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(Q.of("year__gt", 1900).negate(), FIELDS);
		assertThat(matcher.test(book("poetry", null))).isEqualTo(Truth.TRUE);
		assertThat(matcher.test(book("poetry", 1845))).isEqualTo(Truth.TRUE);
		assertThat(matcher.test(book("poetry", 1995))).isEqualTo(Truth.FALSE);
	}

	@Test
	void aContradictionNamesTheLookupOrTheNegatedLookup() {
		Q genre = Q.of("genre", "poetry").negate();
		Q year = Q.of("year__gte", 1990);
		RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(genre.and(year), FIELDS);
		assertThat(matcher.contradiction(book("poetry", 1995))).isEqualTo(genre);
		assertThat(matcher.contradiction(book("prose", 1845))).isEqualTo(year);
		assertThat(matcher.contradiction(book("prose", 1995))).isNull();
	}

	@Test
	void aNullValueMeansIsNull() {
		RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(Q.of("year", null), FIELDS);
		assertThat(matcher.test(book("poetry", null))).isEqualTo(Truth.TRUE);
		assertThat(matcher.test(book("poetry", 1845))).isEqualTo(Truth.FALSE);
		assertThat(RecordMatcher.of(Q.of("year__isnull", "False"), FIELDS).test(book("poetry", 1845)))
			.isEqualTo(Truth.TRUE);
	}

	@Test
	void whatTheClientCannotEvaluateIsNeverContradicted() {
		Map<String, Object> raven = book("poetry", 1845);
		// A field the records do not carry, a relation, a lookup the client does not
		// know,
		// a value it cannot convert, isnull on a primitive, a fraction against an
		// integer.
		for (Q condition : List.of(Q.of("author", "Poe"), Q.of("author__name", "Poe"), Q.of("published__year", 1999),
				Q.of("year__gte", "nineteen"), Q.of("pages__isnull", true), Q.of("year__gte", 1845.5))) {
			RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(condition, FIELDS);
			assertThat(matcher.isEmpty()).as(condition.toString()).isTrue();
			assertThat(matcher.test(raven)).isEqualTo(Truth.UNKNOWN);
		}
		// In an AND, the rest is still checked.
		RecordMatcher<Map<String, Object>> partly = RecordMatcher
			.of(Q.of("author__name", "Poe").and(Q.of("genre", "prose")), FIELDS);
		assertThat(partly.contradiction(raven)).isEqualTo(Q.of("genre", "prose"));
		// In an OR, one unknown part may hold for any record.
		assertThat(RecordMatcher.of(Q.of("author__name", "Poe").or(Q.of("genre", "prose")), FIELDS).isEmpty()).isTrue();
	}

	@Test
	void orIsFalseOnlyWhenEveryPartIs() {
		Q either = Q.of("genre", "prose").or(Q.of("year__lt", 1900));
		RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(either, FIELDS);
		assertThat(matcher.test(book("poetry", 1845))).isEqualTo(Truth.TRUE);
		assertThat(matcher.contradiction(book("poetry", 1995))).isEqualTo(either);
	}

	@Test
	void inAndRangeTakeListsArraysOrCommaSeparatedText() {
		assertThat(RecordMatcher.of(Q.of("genre__in", List.of("poetry", "drama")), FIELDS).test(book("poetry", 1)))
			.isEqualTo(Truth.TRUE);
		assertThat(RecordMatcher.of(Q.of("genre__in", "prose,drama"), FIELDS).test(book("poetry", 1)))
			.isEqualTo(Truth.FALSE);
		assertThat(RecordMatcher.of(Q.of("year__range", new int[] { 1800, 1900 }), FIELDS).test(book("poetry", 1845)))
			.isEqualTo(Truth.TRUE);
		assertThat(RecordMatcher.of(Q.of("year__range", List.of(1)), FIELDS).isEmpty()).isTrue();
	}

	@Test
	void orderingComparesTheLeadingKeysTheRecordsCarry() {
		RecordOrdering<Map<String, Object>> byYearDescending = RecordOrdering.of(List.of("-year", "genre"), FIELDS);
		assertThat(byYearDescending.inOrder(book("poetry", 1995), book("poetry", 1845))).isEqualTo(Truth.TRUE);
		assertThat(byYearDescending.inOrder(book("poetry", 1845), book("poetry", 1995))).isEqualTo(Truth.FALSE);
		// Ties go to the next key.
		assertThat(byYearDescending.inOrder(book("prose", 1845), book("poetry", 1845))).isEqualTo(Truth.FALSE);
		// Databases disagree on where missing values go.
		assertThat(byYearDescending.inOrder(book("poetry", null), book("poetry", 1845))).isEqualTo(Truth.UNKNOWN);
		// Keys after one the records do not carry cannot be checked.
		RecordOrdering<Map<String, Object>> byAuthor = RecordOrdering.of(List.of("author__name", "year"), FIELDS);
		assertThat(byAuthor.isEmpty()).isTrue();
	}

}
