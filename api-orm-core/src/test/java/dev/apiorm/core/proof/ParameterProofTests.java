package dev.apiorm.core.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.apiorm.Q;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.IgnoredFilterException;
import dev.apiorm.query.QueryDefinition;
import dev.apiorm.query.RecordFields;
import dev.apiorm.query.RecordMatcher;
import dev.apiorm.query.Truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Empty answers proven against servers written as the two kinds really are: one that
 * applies its parameters, and one that reads every parameter it does not know as a filter
 * on a field of that name (Feathers), which answers such queries with nothing.
 */
class ParameterProofTests {

	private static final List<Map<String, Object>> USERS = List.of(Map.of("id", 1, "name", "Ann", "age", 34),
			Map.of("id", 2, "name", "Bob", "age", 27));

	private static final RecordFields<Map<String, Object>> FIELDS = (
			name) -> List.of("id", "name", "age").contains(name) ? new MapField(name) : null;

	private final DrfDialect dialect = new DrfDialect(JsonMapper.builder().build(), null);

	private final ParameterVerdicts verdicts = new ParameterVerdicts();

	private final List<String> asked = new CopyOnWriteArrayList<>();

	@Test
	void aParameterTheServerReadsAsAFieldOfItsOwnIsNotHonouredAndTheVerdictIsKept() {
		ParameterProof proof = proof(USERS, true);
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> proof.proveEmpty(query(Q.of("age__gte", 18))).block())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("age__gte"))
			.withMessageContaining("asked again with filter age__gte=34");
		assertThat(this.asked).containsExactly("bare", "limit=5", "age__gte=34 limit=1");
		this.asked.clear();
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> proof.proveEmpty(query(Q.of("age__gte", 99))).block())
			.withMessageContaining("as an earlier answer proved");
		assertThat(this.asked).isEmpty();
	}

	@Test
	void anHonouredParameterIsProvenOnceAndTheEmptyAnswerStands() {
		ParameterProof proof = proof(USERS, false);
		proof.proveEmpty(query(Q.of("age__gte", 100).and(Q.of("name", "Zed")))).block();
		assertThat(this.asked).containsExactly("bare", "limit=5", "age__gte=34 limit=1", "name=Ann limit=1");
		assertThat(proof.isProven(query(Q.of("age__gte", 1).and(Q.of("name", "Ann"))))).isTrue();
		this.asked.clear();
		proof.proveEmpty(query(Q.of("age__gte", 200))).block();
		assertThat(this.asked).isEmpty();
	}

	@Test
	void strictBoundsAreProvenOneStepPastTheRecordsValue() {
		ParameterProof proof = proof(USERS, false);
		proof.proveEmpty(query(Q.of("age__gt", 100).and(Q.of("age__lt", 0)))).block();
		assertThat(this.asked).containsExactly("bare", "limit=5", "age__gt=33 limit=1", "age__lt=35 limit=1");
	}

	@Test
	void anIgnoredOrderingIsNamed() {
		ParameterProof proof = proof(USERS, true);
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> proof.proveEmpty(new QueryDefinition(null, List.of("-age"), 0, null)).block())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("ordering"));
		assertThat(this.asked).containsExactly("bare", "limit=5", "ordering=-age limit=1");
	}

	@Test
	void anEmptyCollectionAnswersEveryQueryWithNothingAndProvesNothing() {
		ParameterProof proof = proof(List.of(), true);
		proof.proveEmpty(query(Q.of("age__gte", 18))).block();
		assertThat(this.asked).containsExactly("bare");
		assertThat(this.verdicts.size()).isZero();
	}

	@Test
	void whatTheRecordsCannotProveIsTakenAsGiven() {
		ParameterProof proof = proof(USERS, true);
		proof.proveEmpty(query(Q.of("author__name", "x").and(Q.of("name__gt", "A")))).block();
		assertThat(this.asked).containsExactly("bare", "limit=5");
		assertThat(this.verdicts.get("/api/v1/users/", "author__name")).isNull();
		assertThat(this.verdicts.get("/api/v1/users/", "name__gt")).isNull();
	}

	private ParameterProof proof(List<Map<String, Object>> records, boolean readsUnknownParametersAsFields) {
		return proof(records, readsUnknownParametersAsFields, false);
	}

	/**
	 * A server of the records that applies what it knows; one that reads the query's
	 * filters and ordering as fields of their names answers them with nothing, and one
	 * that reads its paging that way too answers every window with nothing.
	 */
	private ParameterProof proof(List<Map<String, Object>> records, boolean readsFiltersAsFields,
			boolean readsPagingAsFields) {
		return new ParameterProof("User", "/api/v1/users/", this.dialect, FIELDS, this.verdicts,
				new ParameterProof.Reader() {

					@Override
					public Mono<List<Map<String, Object>>> read(QueryDefinition query) {
						String parameters = ParameterProofTests.this.dialect.queryParameters(query.filter(),
								query.ordering());
						ParameterProofTests.this.asked.add((parameters.isEmpty() ? "" : parameters + " ") + "limit="
								+ query.limit() + ((query.offset() > 0) ? " offset=" + query.offset() : ""));
						boolean filtered = query.filter() != null || !query.ordering().isEmpty();
						if (readsPagingAsFields || (readsFiltersAsFields && filtered)) {
							return Mono.just(List.of());
						}
						RecordMatcher<Map<String, Object>> matcher = RecordMatcher.of(query.filter(), FIELDS);
						List<Map<String, Object>> matching = new ArrayList<>();
						for (Map<String, Object> record : records) {
							if (matcher.test(record) != Truth.FALSE) {
								matching.add(record);
							}
						}
						long end = Math.min(matching.size(), query.offset() + query.limit());
						return Mono.just(
								(query.offset() < end) ? matching.subList((int) query.offset(), (int) end) : List.of());
					}

					@Override
					public Mono<List<Map<String, Object>>> readBare() {
						ParameterProofTests.this.asked.add("bare");
						return Mono.just(records);
					}

					@Override
					public String pagingParameters(QueryDefinition query) {
						return (query.offset() > 0) ? "limit,offset" : "limit";
					}

				});
	}

	@Test
	void aServerThatReadsItsPagingParametersAsFieldsAnswersEveryWindowWithNothingAndIsRefused() {
		ParameterProof proof = proof(USERS, true, true);
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> proof.proveEmpty(QueryDefinition.ALL).block())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("limit"));
		assertThat(this.asked).containsExactly("bare", "limit=5");
	}

	@Test
	void anEmptyWindowPastTheStartProvesTheStartParameterToo() {
		ParameterProof proof = proof(USERS, false);
		proof.proveEmpty(QueryDefinition.ALL.slice(10, 20)).block();
		assertThat(this.asked).containsExactly("bare", "limit=5", "limit=1 offset=1");
		this.asked.clear();
		proof.proveEmpty(QueryDefinition.ALL.slice(10, 20)).block();
		assertThat(this.asked).isEmpty();
	}

	private static QueryDefinition query(Q filter) {
		return new QueryDefinition(filter, List.of(), 0, null);
	}

	private record MapField(String name) implements RecordFields.Field<Map<String, Object>> {

		@Override
		public @Nullable Object get(Map<String, Object> record) {
			return record.get(this.name);
		}

		@Override
		public Object convert(Object value) {
			return ("name".equals(this.name)) ? value.toString() : Long.valueOf(value.toString());
		}

		@Override
		public boolean isIntegral() {
			return !"name".equals(this.name);
		}

	}

}
