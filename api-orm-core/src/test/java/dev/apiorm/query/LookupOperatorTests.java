package dev.apiorm.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.apiorm.query.LookupOperator.CONTAINS;
import static dev.apiorm.query.LookupOperator.ENDSWITH;
import static dev.apiorm.query.LookupOperator.EXACT;
import static dev.apiorm.query.LookupOperator.GT;
import static dev.apiorm.query.LookupOperator.GTE;
import static dev.apiorm.query.LookupOperator.ICONTAINS;
import static dev.apiorm.query.LookupOperator.IENDSWITH;
import static dev.apiorm.query.LookupOperator.IEXACT;
import static dev.apiorm.query.LookupOperator.IN;
import static dev.apiorm.query.LookupOperator.ISNULL;
import static dev.apiorm.query.LookupOperator.ISTARTSWITH;
import static dev.apiorm.query.LookupOperator.LT;
import static dev.apiorm.query.LookupOperator.LTE;
import static dev.apiorm.query.LookupOperator.RANGE;
import static dev.apiorm.query.LookupOperator.STARTSWITH;
import static dev.apiorm.query.Truth.FALSE;
import static dev.apiorm.query.Truth.TRUE;
import static dev.apiorm.query.Truth.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each lookup with the semantics Django documents for it, and the answers a client cannot
 * give because the database's collation decides them.
 */
class LookupOperatorTests {

	@Test
	void suffixesAreDjangosLookupNames() {
		assertThat(LookupOperator.ofSuffix("icontains")).isEqualTo(ICONTAINS);
		assertThat(LookupOperator.ofSuffix("isnull")).isEqualTo(ISNULL);
		assertThat(LookupOperator.ofSuffix("year")).isNull();
		assertThat(LookupOperator.ofSuffix("regex")).isNull();
	}

	@Test
	void exactComparesValuesOfTheFieldsType() {
		assertThat(EXACT.test("poetry", "poetry")).isEqualTo(TRUE);
		assertThat(EXACT.test("prose", "poetry")).isEqualTo(FALSE);
		assertThat(EXACT.test(30, 30L)).isEqualTo(TRUE);
		assertThat(EXACT.test(new BigDecimal("2.50"), 2.5)).isEqualTo(TRUE);
		assertThat(EXACT.test(true, false)).isEqualTo(FALSE);
		assertThat(EXACT.test(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2))).isEqualTo(TRUE);
		// The same instant in two offsets.
		assertThat(EXACT.test(OffsetDateTime.parse("2026-01-02T10:00:00+01:00"), Instant.parse("2026-01-02T09:00:00Z")))
			.isEqualTo(TRUE);
	}

	@Test
	void aMissingValueMatchesNothingButIsnull() {
		// SQL: NULL = 'x', NULL > 3 and NULL LIKE '%x%' are not true.
		for (LookupOperator operator : List.of(EXACT, IEXACT, CONTAINS, ICONTAINS, GT, GTE, LT, LTE)) {
			assertThat(operator.test(null, "x")).as(operator.suffix()).isEqualTo(FALSE);
		}
		assertThat(IN.test(null, List.of("x"))).isEqualTo(FALSE);
		assertThat(ISNULL.test(null, true)).isEqualTo(TRUE);
		assertThat(ISNULL.test("x", true)).isEqualTo(FALSE);
		assertThat(ISNULL.test("x", false)).isEqualTo(TRUE);
	}

	@Test
	void exactTextThatDiffersOnlyByCaseOrAccentsIsForTheCollationToDecide() {
		// Case-sensitive on PostgreSQL and SQLite, not on MySQL's default collation.
		assertThat(EXACT.test("Poetry", "poetry")).isEqualTo(UNKNOWN);
		assertThat(EXACT.test("école", "ecole")).isEqualTo(UNKNOWN);
	}

	@Test
	void iexactFoldsCase() {
		assertThat(IEXACT.test("Poetry", "POETRY")).isEqualTo(TRUE);
		assertThat(IEXACT.test("Prose", "poetry")).isEqualTo(FALSE);
		// SQLite folds ASCII letters only; PostgreSQL's UPPER() folds É too.
		assertThat(IEXACT.test("ÉCOLE", "école")).isEqualTo(UNKNOWN);
	}

	@Test
	void containsStartsWithAndEndsWith() {
		assertThat(CONTAINS.test("The Raven", "Rav")).isEqualTo(TRUE);
		assertThat(CONTAINS.test("The Raven", "crow")).isEqualTo(FALSE);
		// contains acts like icontains on SQLite (Django's database notes).
		assertThat(CONTAINS.test("The Raven", "rav")).isEqualTo(UNKNOWN);
		assertThat(ICONTAINS.test("The Raven", "rAV")).isEqualTo(TRUE);
		assertThat(ICONTAINS.test("The Raven", "crow")).isEqualTo(FALSE);
		assertThat(STARTSWITH.test("The Raven", "The")).isEqualTo(TRUE);
		assertThat(STARTSWITH.test("The Raven", "Raven")).isEqualTo(FALSE);
		assertThat(ISTARTSWITH.test("The Raven", "the r")).isEqualTo(TRUE);
		assertThat(ENDSWITH.test("The Raven", "ven")).isEqualTo(TRUE);
		assertThat(ENDSWITH.test("The Raven", "The")).isEqualTo(FALSE);
		assertThat(IENDSWITH.test("The Raven", "RAVEN")).isEqualTo(TRUE);
		// A text lookup on a number is the database's cast to decide.
		assertThat(CONTAINS.test(1984, "98")).isEqualTo(UNKNOWN);
	}

	@Test
	void comparisonsOfNumbersDatesAndInstants() {
		assertThat(GT.test(19, 18)).isEqualTo(TRUE);
		assertThat(GT.test(18, 18)).isEqualTo(FALSE);
		assertThat(GTE.test(18, 18L)).isEqualTo(TRUE);
		assertThat(LT.test(17, new BigDecimal("17.5"))).isEqualTo(TRUE);
		assertThat(LTE.test(18.0, 18)).isEqualTo(TRUE);
		assertThat(LT.test(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 31))).isEqualTo(FALSE);
		assertThat(GTE.test(OffsetDateTime.parse("2026-01-02T00:30:00+01:00"), Instant.parse("2026-01-01T23:30:00Z")))
			.isEqualTo(TRUE);
		assertThat(GT.test(Double.NaN, 1)).isEqualTo(UNKNOWN);
	}

	@Test
	void textOrderIsDecidedOnlyWhereEveryCollationAgrees() {
		assertThat(GT.test("Bob", "Alice")).isEqualTo(TRUE);
		assertThat(LT.test("Alice Jones", "Alice Smith")).isEqualTo(TRUE);
		assertThat(LT.test("abc", "abd")).isEqualTo(TRUE);
		// Binary order puts "Z" before "a"; a case-insensitive collation does not.
		assertThat(LT.test("Zed", "abe")).isEqualTo(UNKNOWN);
		// Collations that ignore punctuation compare "AliceJones" with "AliceSmith".
		assertThat(LT.test("Alice Smith", "AliceJones")).isEqualTo(UNKNOWN);
		assertThat(LT.test("é", "f")).isEqualTo(UNKNOWN);
		assertThat(GT.test("ab", "AB")).isEqualTo(UNKNOWN);
	}

	@Test
	void inMatchesAnyOfItsValues() {
		assertThat(IN.test("staff", List.of("admin", "staff"))).isEqualTo(TRUE);
		assertThat(IN.test("member", List.of("admin", "staff"))).isEqualTo(FALSE);
		assertThat(IN.test(3L, List.of(1, 2, 3))).isEqualTo(TRUE);
		assertThat(IN.test("Staff", List.of("admin", "staff"))).isEqualTo(UNKNOWN);
		// An empty list matches nothing (Django's EmptyResultSet).
		assertThat(IN.test("staff", List.of())).isEqualTo(FALSE);
	}

	@Test
	void rangeIsInclusiveAtBothEnds() {
		assertThat(RANGE.test(18, List.of(18, 30))).isEqualTo(TRUE);
		assertThat(RANGE.test(30, List.of(18, 30))).isEqualTo(TRUE);
		assertThat(RANGE.test(31, List.of(18, 30))).isEqualTo(FALSE);
		assertThat(RANGE.test(17, List.of(18, 30))).isEqualTo(FALSE);
		assertThat(RANGE.test(LocalDate.of(2026, 2, 1), List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1))))
			.isEqualTo(TRUE);
	}

	@Test
	void truthIsKleenes() {
		assertThat(TRUE.and(UNKNOWN)).isEqualTo(UNKNOWN);
		assertThat(FALSE.and(UNKNOWN)).isEqualTo(FALSE);
		assertThat(TRUE.or(UNKNOWN)).isEqualTo(TRUE);
		assertThat(FALSE.or(UNKNOWN)).isEqualTo(UNKNOWN);
		assertThat(UNKNOWN.not()).isEqualTo(UNKNOWN);
		assertThat(FALSE.not()).isEqualTo(TRUE);
	}

}
