package dev.apiorm.core.proof;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.query.QueryDefinition;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Windows held to their envelopes.
 */
class WindowTallyTests {

	@Test
	void aWindowThatEndsWithItsTotalPasses() {
		WindowTally<Integer> tally = tally(QueryDefinition.ALL);
		tally.page(List.of(1, 2), 5L, true);
		tally.page(List.of(3, 4), 5L, false);
		tally.page(List.of(5), 5L, false);
		assertThatNoException().isThrownBy(tally::end);
	}

	@Test
	void aSlicedWindowExpectsWhatTheTotalLeavesOfIt() {
		WindowTally<Integer> tally = tally(QueryDefinition.ALL.slice(3, 10));
		tally.page(List.of(4, 5), 5L, true);
		assertThatNoException().isThrownBy(tally::end);
		WindowTally<Integer> capped = tally(QueryDefinition.ALL.slice(0, 2));
		capped.page(List.of(1, 2), 5L, true);
		assertThatNoException().isThrownBy(capped::end);
	}

	@Test
	void fewerRecordsThanTheTotalIsADecodeError() {
		// spring-petclinic-rest read with 0.2: 100 of 105 records, as if complete.
		WindowTally<Integer> tally = tally(QueryDefinition.ALL);
		tally.page(List.of(1, 2), 105L, true);
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(tally::end)
			.withMessage("Owner list (spring-page): the first page's total says the window holds 105 records "
					+ "(105 in all), and the pages held 2, with no way to the rest: the answer would not be the "
					+ "collection's");
	}

	@Test
	void moreRecordsThanTheTotalIsADecodeError() {
		WindowTally<Integer> tally = tally(QueryDefinition.ALL);
		tally.page(List.of(1, 2), 1L, true);
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(tally::end)
			.withMessageContaining("holds 1 record (1 in all), and the pages held 2:");
	}

	@Test
	void aPageThatRepeatsThePreviousOneIsADecodeError() {
		// An OData server that ignores $skip serves the first page under every link.
		WindowTally<Integer> tally = tally(QueryDefinition.ALL);
		tally.page(List.of(1, 2), null, true);
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> tally.page(List.of(1, 2), null, false))
			.withMessageContaining("a page repeats 2 of the records already delivered (after 2 records)");
	}

	@Test
	void aRecordTwiceInOnePageIsADecodeError() {
		WindowTally<Integer> tally = tally(QueryDefinition.ALL);
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> tally.page(List.of(1, 1), null, true));
	}

	@Test
	void withoutATotalOnlyRepeatsAreChecked() {
		WindowTally<Integer> tally = tally(QueryDefinition.ALL);
		tally.page(List.of(1, 2), null, true);
		tally.page(List.of(3), null, false);
		assertThatNoException().isThrownBy(tally::end);
	}

	private static WindowTally<Integer> tally(QueryDefinition query) {
		return new WindowTally<>("Owner list (spring-page)", query, (id) -> id);
	}

}
