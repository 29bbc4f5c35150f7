package dev.apiorm.core.proof;

/**
 * The ids of one page, for {@link WindowTally}: an open-addressing table of the ids
 * themselves, one array per page instead of a hash set's entry per id, sized once for the
 * page.
 */
final class IdSet {

	static final IdSet EMPTY = new IdSet(0);

	private final Object[] slots;

	private final int mask;

	/** Takes a slot from the high bits of the multiplied hash (Fibonacci hashing). */
	private final int shift;

	/**
	 * An empty set for at most {@code capacity} ids.
	 * @param capacity the most ids it will hold
	 */
	IdSet(int capacity) {
		int size = Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1;
		this.slots = new Object[size];
		this.mask = size - 1;
		this.shift = 32 - Integer.numberOfTrailingZeros(size);
	}

	/**
	 * Adds an id.
	 * @param id the id
	 * @return {@code false} when the set already held an equal id
	 */
	boolean add(Object id) {
		int index = slot(id.hashCode());
		while (true) {
			Object held = this.slots[index];
			if (held == null) {
				this.slots[index] = id;
				return true;
			}
			if (held.equals(id)) {
				return false;
			}
			index = (index + 1) & this.mask;
		}
	}

	boolean contains(Object id) {
		int index = slot(id.hashCode());
		while (true) {
			Object held = this.slots[index];
			if (held == null) {
				return false;
			}
			if (held.equals(id)) {
				return true;
			}
			index = (index + 1) & this.mask;
		}
	}

	/**
	 * The slot of a hash: ids that differ only in their high bits, or are multiples of a
	 * power of two, still spread over the table.
	 */
	private int slot(int hash) {
		return ((hash ^ (hash >>> 16)) * 0x9E3779B1) >>> this.shift;
	}

}
