package dev.apiorm.core.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.dialect.PageResult;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.fixtures.User;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The first stage: every record of every page checked against the query before the caller
 * gets any, records outside the window included, the ordering across pages.
 */
class VerificationStageTests {

	private final ApiMappingContext context = new ApiMappingContext();

	private final ApiPersistentEntity<User> users = this.context.getRequiredEntity(User.class);

	private final VerificationStage stage = new VerificationStage(new DrfDialect(this.context.getJsonMapper()), true);

	private final QueryDefinition admins = QueryDefinition.ALL.and(Q.of("role", "admin")).orderedBy(List.of("name"));

	@Test
	void recordsThatMatchThePassOn() {
		PageStage.Pass<Map<String, Object>> pass = this.stage.open(maps(this.admins));
		StagedPage<Map<String, Object>> page = staged(0, user(1, "admin", "Al"), user(2, "admin", "Bo"));

		assertThat(pass.apply(page).block()).isSameAs(page);
	}

	@Test
	void aRecordThatContradictsTheFilterFailsNamingTheParameter() {
		PageStage.Pass<Map<String, Object>> pass = this.stage.open(maps(this.admins));

		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> pass.apply(staged(0, user(1, "admin", "Al"), user(2, "member", "Bo"))))
			.satisfies((ignored) -> assertThat(ignored.parameter()).isEqualTo("role"))
			.withMessageContaining("User list: the API ignored the parameter 'role' (filter role=admin): "
					+ "it returned the record id=2");
	}

	@Test
	void aRecordOfThePageOutsideTheWindowIsCheckedToo() {
		PageStage.Pass<Map<String, Object>> pass = this.stage.open(maps(this.admins));
		Map<String, Object> inWindow = user(2, "admin", "Bo");
		PageResult<Map<String, Object>> sent = new PageResult<>(List.of(user(1, "member", "Al"), inWindow), 2L, null,
				true);

		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> pass.apply(new StagedPage<>(sent, List.of(inWindow), 0, true)));
	}

	@Test
	void theOrderingIsCheckedAcrossPages() {
		PageStage.Pass<Map<String, Object>> pass = this.stage.open(maps(this.admins));
		pass.apply(staged(0, user(1, "admin", "Al"), user(2, "admin", "Cy"))).block();

		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> pass.apply(staged(1, user(3, "admin", "Bo"))))
			.satisfies((ignored) -> assertThat(ignored.parameter()).isEqualTo("ordering"))
			.withMessageContaining("the record id=3 came after the record id=2");
	}

	@Test
	void eachIterationStartsItsOrderingAfresh() {
		this.stage.open(maps(this.admins)).apply(staged(0, user(2, "admin", "Cy"))).block();

		assertThat(this.stage.open(maps(this.admins)).apply(staged(0, user(3, "admin", "Bo"))).block()).isNotNull();
	}

	@Test
	void nothingIsCheckedWhenVerificationIsOffOrThereIsNothingToCheck() {
		VerificationStage off = new VerificationStage(new DrfDialect(this.context.getJsonMapper()), false);

		assertThat(off.open(maps(this.admins))).isNull();
		assertThat(this.stage.open(maps(QueryDefinition.ALL))).isNull();
		assertThat(this.stage.open(new WindowRead<Boolean>(this.users, "count", this.admins, null, false))).isNull();
	}

	private WindowRead<Map<String, Object>> maps(QueryDefinition query) {
		return new WindowRead<>(this.users, "list", query, this.users.getMapFields(), false);
	}

	@SafeVarargs
	private static StagedPage<Map<String, Object>> staged(int index, Map<String, Object>... records) {
		List<Map<String, Object>> list = List.of(records);
		return new StagedPage<>(new PageResult<>(list, null, null, true), list, index, false);
	}

	private static Map<String, Object> user(long id, String role, String name) {
		return Map.of("id", id, "role", role, "name", name);
	}

}
