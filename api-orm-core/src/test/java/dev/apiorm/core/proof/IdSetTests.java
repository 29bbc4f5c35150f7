package dev.apiorm.core.proof;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids of a page, as {@link WindowTally} holds them.
 */
class IdSetTests {

	@Test
	void anIdAddedTwiceIsRefusedTheSecondTimeByEqualityNotIdentity() {
		IdSet ids = new IdSet(3);
		assertThat(ids.add(1000L)).isTrue();
		assertThat(ids.add("a")).isTrue();
		assertThat(ids.add(Long.valueOf(1000L))).isFalse();
		assertThat(ids.add(new String("a"))).isFalse();
		assertThat(ids.contains(1000L)).isTrue();
		assertThat(ids.contains(1001L)).isFalse();
	}

	@Test
	void idsThatCollideInTheirLowBitsAreAllKept() {
		// Multiples of 4096 share their low twelve bits.
		int count = 1000;
		IdSet ids = new IdSet(count);
		List<Long> added = new ArrayList<>();
		for (long i = 1; i <= count; i++) {
			assertThat(ids.add(i * 4096)).isTrue();
			added.add(i * 4096);
		}
		assertThat(added).allSatisfy((id) -> assertThat(ids.contains(id)).isTrue());
		assertThat(ids.contains(4096L * (count + 1))).isFalse();
		assertThat(ids.add(4096L * count)).isFalse();
	}

	@Test
	void theEmptySetHoldsNothing() {
		assertThat(IdSet.EMPTY.contains(1L)).isFalse();
		assertThat(new IdSet(0).contains("x")).isFalse();
	}

}
