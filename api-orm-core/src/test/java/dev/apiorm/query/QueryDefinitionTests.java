package dev.apiorm.query;

import java.util.List;

import dev.apiorm.Q;
import dev.apiorm.exception.UnsupportedQueryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The query model: windows compose as Python's slices do, and reversal follows Django.
 */
class QueryDefinitionTests {

	@Test
	void slicesComposeWithinTheWindow() {
		QueryDefinition window = QueryDefinition.ALL.slice(10, 20).slice(2, 5);
		assertThat(window.offset()).isEqualTo(12);
		assertThat(window.limit()).isEqualTo(3);
		QueryDefinition clipped = QueryDefinition.ALL.slice(10, 20).slice(5, 50);
		assertThat(clipped.offset()).isEqualTo(15);
		assertThat(clipped.limit()).isEqualTo(5);
		assertThat(QueryDefinition.ALL.slice(5, 2).limit()).isZero();
	}

	@Test
	void negativeIndexesAreRejected() {
		assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> QueryDefinition.ALL.slice(-1, 3));
	}

	@Test
	void filteringOrReorderingASliceIsRejectedAsInDjango() {
		QueryDefinition sliced = QueryDefinition.ALL.slice(0, 5);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> sliced.and(Q.of("a", 1)));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> sliced.orderedBy(List.of("name")));
	}

	@Test
	void reversedFlipsEachFieldOrUsesIdDescending() {
		assertThat(QueryDefinition.ALL.reversed("id").ordering()).containsExactly("-id");
		assertThat(QueryDefinition.ALL.orderedBy(List.of("-age", "name")).reversed("id").ordering())
			.containsExactly("age", "-name");
		assertThat(QueryDefinition.ALL.orderedByDefault("pk").ordering()).containsExactly("pk");
	}

	@Test
	void conditionsAccumulateWithAnd() {
		QueryDefinition query = QueryDefinition.ALL.and(Q.of("a", 1)).and(Q.of("b", 2));
		assertThat(query.filter()).isEqualTo(new Q.And(List.of(Q.of("a", 1), Q.of("b", 2))));
	}

}
