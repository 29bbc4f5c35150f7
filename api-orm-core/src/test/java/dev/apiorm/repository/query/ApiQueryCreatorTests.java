package dev.apiorm.repository.query;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.repository.query.parser.PartTree;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.fixtures.User;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@code Part.Type} of a derived method name becomes its Django lookup on the
 * property's API name, or is refused naming the method. Arguments are the start-up
 * placeholder {@code ?}.
 */
class ApiQueryCreatorTests {

	private final ApiPersistentEntity<User> entity = new ApiMappingContext().getRequiredEntity(User.class);

	private QueryDefinition query(String method) {
		return new ApiQueryCreator(new PartTree(method, User.class), this.entity, "UserApi." + method).createQuery();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "findByName | name", "findByNameIs | name", "findByNameEquals | name",
			"findByNameIgnoreCase | name__iexact", "findByAgeGreaterThan | age__gt", "findByAgeAfter | age__gt",
			"findByAgeGreaterThanEqual | age__gte", "findByAgeLessThan | age__lt", "findByAgeBefore | age__lt",
			"findByAgeLessThanEqual | age__lte", "findByRoleIn | role__in", "findByNameContaining | name__contains",
			"findByNameContainingIgnoreCase | name__icontains", "findByNameStartingWith | name__startswith",
			"findByNameStartingWithIgnoreCase | name__istartswith", "findByNameEndingWith | name__endswith",
			"findByNameEndingWithIgnoreCase | name__iendswith", "findByNameRegex | name__regex",
			"findByNameMatchesRegexIgnoreCase | name__iregex", "findByCreatedAt | created_at" })
	void eachComparisonBecomesItsLookupOnTheApiName(String method, String lookup) {
		assertThat(query(method).filter()).isEqualTo(Q.of(lookup, ApiQueryCreator.PLACEHOLDER));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "findByNameNot | name", "findByRoleNotIn | role__in",
			"findByNameNotContaining | name__contains" })
	void negatingKeywordsNegateTheLookup(String method, String lookup) {
		assertThat(query(method).filter()).isEqualTo(Q.of(lookup, ApiQueryCreator.PLACEHOLDER).negate());
	}

	@Test
	void betweenIsARangeOfTwoArguments() {
		assertThat(query("findByAgeBetween").filter())
			.isEqualTo(Q.of("age__range", List.of(ApiQueryCreator.PLACEHOLDER, ApiQueryCreator.PLACEHOLDER)));
	}

	@Test
	void nullnessAndBooleansNeedNoArgument() {
		assertThat(query("findByRoleIsNull").filter()).isEqualTo(Q.of("role__isnull", true));
		assertThat(query("findByRoleIsNotNull").filter()).isEqualTo(Q.of("role__isnull", false));
		assertThat(query("findByActiveTrue").filter()).isEqualTo(Q.of("active", true));
		assertThat(query("findByActiveFalse").filter()).isEqualTo(Q.of("active", false));
	}

	@Test
	void andOrAndOrderingCombineWithApiNames() {
		QueryDefinition query = query("findByRoleAndAgeGreaterThanOrActiveTrueOrderByCreatedAtDescNameAsc");
		assertThat(query.filter()).isEqualTo(Q.of("role", ApiQueryCreator.PLACEHOLDER)
			.and(Q.of("age__gt", ApiQueryCreator.PLACEHOLDER))
			.or(Q.of("active", true)));
		assertThat(query.ordering()).containsExactly("-created_at", "name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "findByNameLike", "findByNameNotLike", "findByNameIsEmpty", "findByNameIsNotEmpty",
			"findByNameExists", "findByNameNear", "findByNameWithin" })
	void keywordsWithoutADjangoLookupAreRefusedNamingTheMethod(String method) {
		assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> query(method))
			.withMessageStartingWith("UserApi." + method + ": ")
			.withMessageContaining("has no Django lookup");
	}

	@Test
	void ignoreCaseWhereNoLookupHonoursItIsRefused() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> query("findByAgeGreaterThanIgnoreCase"))
			.withMessage("IgnoreCase cannot be honoured for age (GREATER_THAN on Integer): Django lookups compare "
					+ "without case only for exact, contains, startswith, endswith and regex");
		assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> query("findByRoleInIgnoreCase"))
			.withMessageContaining("for role (IN)");
	}

	@Test
	void allIgnoreCaseSkipsWhatItCannotApply() {
		assertThat(query("findByNameAndAgeAllIgnoreCase").filter())
			.isEqualTo(Q.of("name__iexact", ApiQueryCreator.PLACEHOLDER).and(Q.of("age", ApiQueryCreator.PLACEHOLDER)));
	}

}
