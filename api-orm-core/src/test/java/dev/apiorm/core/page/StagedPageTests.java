package dev.apiorm.core.page;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apiorm.dialect.PageResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A page on its way through the stages: its place in the iteration, and other records
 * handed on with the same page.
 */
class StagedPageTests {

	private final PageResult<Integer> sent = new PageResult<>(List.of(1, 2, 3), 9L, "next", true);

	@Test
	void onlyTheFirstPageIsFirst() {
		assertThat(new StagedPage<>(this.sent, List.of(2, 3), 0, false).first()).isTrue();
		assertThat(new StagedPage<>(this.sent, List.of(2, 3), 1, true).first()).isFalse();
	}

	@Test
	void otherRecordsKeepThePageAndItsPlace() {
		StagedPage<Integer> page = new StagedPage<>(this.sent, List.of(2, 3), 4, true);

		StagedPage<Integer> replaced = page.withRecords(List.of(3));

		assertThat(replaced).isEqualTo(new StagedPage<>(this.sent, List.of(3), 4, true));
	}

	@Test
	void aNegativePositionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StagedPage<>(this.sent, List.of(), -1, false))
			.withMessage("index must not be negative");
	}

}
