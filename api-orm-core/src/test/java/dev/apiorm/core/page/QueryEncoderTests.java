package dev.apiorm.core.page;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.apiorm.Q;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.dialect.drf.DrfDialect;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A query written once by the dialect, whatever window or count runs it, and a memory of
 * written queries that stays small.
 */
class QueryEncoderTests {

	private final Counting dialect = new Counting();

	private final QueryEncoder encoder = new QueryEncoder(this.dialect);

	@Test
	void aQueryIsWrittenAsTheDialectWritesIt() {
		QueryDefinition query = QueryDefinition.ALL.and(Q.of("age__gte", 18)).orderedBy(List.of("-name"));

		assertThat(this.encoder.parameters(query)).isEqualTo("age__gte=18&ordering=-name");
	}

	@Test
	void equalQueriesAreWrittenOnceWhateverTheirWindows() {
		QueryDefinition query = QueryDefinition.ALL.and(Q.of("role", "admin"));
		QueryDefinition builtAgain = QueryDefinition.ALL.and(Q.of("role", "admin"));

		this.encoder.parameters(query);
		this.encoder.parameters(query.slice(0, 1));
		this.encoder.parameters(builtAgain.slice(10, 20));

		assertThat(this.dialect.written).hasValue(1);
	}

	@Test
	void anotherOrderingOrConditionIsWrittenAgain() {
		QueryDefinition query = QueryDefinition.ALL.and(Q.of("role", "admin"));

		this.encoder.parameters(query);
		assertThat(this.encoder.parameters(query.orderedBy(List.of("name")))).isEqualTo("role=admin&ordering=name");
		assertThat(this.encoder.parameters(query.and(Q.of("active", true)))).isEqualTo("role=admin&active=true");

		assertThat(this.dialect.written).hasValue(3);
	}

	@Test
	void aQueryTheDialectCannotExpressFailsEveryTimeAndIsNotRemembered() {
		QueryDefinition query = QueryDefinition.ALL.and(Q.of("role", "admin").negate());

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> this.encoder.parameters(query));
		}
		assertThat(this.dialect.written).hasValue(2);
		assertThat(this.encoder.size()).isZero();
	}

	@Test
	void theMemoryHoldsAtMostItsCapacity() {
		for (int i = 0; i < 200; i++) {
			this.encoder.parameters(QueryDefinition.ALL.and(Q.of("id", i)));
			assertThat(this.encoder.size()).isLessThanOrEqualTo(64);
		}
		assertThat(this.dialect.written).hasValue(200);
	}

	@Test
	void longParametersAreWrittenEachTimeRatherThanHeld() {
		QueryDefinition query = QueryDefinition.ALL.and(Q.of("name", "x".repeat(3000)));

		this.encoder.parameters(query);
		this.encoder.parameters(query);

		assertThat(this.dialect.written).hasValue(2);
		assertThat(this.encoder.size()).isZero();
	}

	/**
	 * The DRF dialect without negation, counting the queries it writes.
	 */
	private static final class Counting extends DrfDialect {

		final AtomicInteger written = new AtomicInteger();

		Counting() {
			super(new ApiMappingContext().getJsonMapper());
		}

		@Override
		public String queryParameters(@Nullable Q filter, List<String> ordering) {
			this.written.incrementAndGet();
			return super.queryParameters(filter, ordering);
		}

	}

}
