package dev.apiorm.core;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map change tracking keeps its snapshots in: keys by identity, held weakly, kept
 * through collections while the application holds them.
 */
class WeakIdentityMapTests {

	/** Collections after which an entry has moved from the young part to the old one. */
	private static final int TENURED = 9;

	private final WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();

	@Test
	void keysAreComparedByIdentityEvenWhenTheirHashCodeChanges() {
		List<String> first = new ArrayList<>(List.of("a"));
		List<String> equal = new ArrayList<>(List.of("a"));
		this.map.put(first, "first");
		this.map.put(equal, "equal");
		first.add("b");
		assertThat(this.map.get(first)).isEqualTo("first");
		assertThat(this.map.get(equal)).isEqualTo("equal");
		assertThat(this.map.get(new ArrayList<>(List.of("a")))).isNull();
	}

	@Test
	void heldKeysOutliveCollectionsAndTheNewestValueWins() {
		Object held = new Object();
		this.map.put(held, "v1");
		collectAndPut(TENURED);
		assertThat(this.map.get(held)).isEqualTo("v1");
		this.map.put(held, "v2");
		assertThat(this.map.get(held)).isEqualTo("v2");
		collectAndPut(TENURED);
		assertThat(this.map.get(held)).isEqualTo("v2");
		this.map.putAll(List.of(held), (key) -> "v3");
		assertThat(this.map.get(held)).isEqualTo("v3");
		this.map.remove(held);
		assertThat(this.map.get(held)).isNull();
		collectAndPut(TENURED);
		assertThat(this.map.get(held)).isNull();
	}

	@Test
	void droppedKeysAreLetGoWhetherYoungOrOld() {
		List<Object> held = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			held.add(new Object());
		}
		this.map.putAll(held, String::valueOf);
		collectAndPut(TENURED);
		for (int i = 0; i < 10_000; i++) {
			this.map.put(new Object(), "young");
		}
		assertThat(this.map.size()).isGreaterThanOrEqualTo(10_000);
		Object kept = held.get(1234);
		held.clear();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.map.size() > 1 && System.nanoTime() < deadline) {
			collectAndPut(1);
		}
		assertThat(this.map.size()).isOne();
		assertThat(this.map.get(kept)).isEqualTo(String.valueOf(kept));
	}

	/**
	 * Collections, each followed by a put of a key dropped at once (a sweep happens at a
	 * put), and a last collection that takes that key.
	 */
	private void collectAndPut(int collections) {
		for (int i = 0; i < collections; i++) {
			System.gc();
			this.map.put(new Object(), "dropped");
		}
		System.gc();
	}

}
