package dev.apiorm.core;

/**
 * How a client writes records (API.md "Writes that lose nothing"). Each {@code withX}
 * returns a copy with one value changed; the values are checked when they become part of
 * {@link ApiClientSettings}.
 *
 * @param saveChangedFields whether {@code save} of an instance read from the API sends
 * only the fields that changed since (a {@code PATCH}), or nothing when none did
 * @param optimisticLocking whether writes of an instance whose {@code ETag} is known send
 * {@code If-Match}
 * @param bulkConcurrency how many creates of a bulk create run at once
 */
public record WriteSettings(boolean saveChangedFields, boolean optimisticLocking, int bulkConcurrency) {

	/**
	 * The defaults: changed fields only, {@code If-Match} when known, 4 creates at once.
	 */
	public static final WriteSettings DEFAULTS = new WriteSettings(true, true, 4);

	public WriteSettings withSaveChangedFields(boolean saveChangedFields) {
		return new WriteSettings(saveChangedFields, this.optimisticLocking, this.bulkConcurrency);
	}

	public WriteSettings withOptimisticLocking(boolean optimisticLocking) {
		return new WriteSettings(this.saveChangedFields, optimisticLocking, this.bulkConcurrency);
	}

	public WriteSettings withBulkConcurrency(int bulkConcurrency) {
		return new WriteSettings(this.saveChangedFields, this.optimisticLocking, bulkConcurrency);
	}

	void check(String prefix) {
		SettingRules.positive(this.bulkConcurrency, prefix + "bulk-concurrency");
	}

}
