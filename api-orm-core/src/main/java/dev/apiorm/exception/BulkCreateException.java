package dev.apiorm.exception;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Some records of a bulk create failed. Says exactly which records were written, which
 * failed and which were never sent, by their index in the input list.
 */
public class BulkCreateException extends ApiException {

	private final SortedMap<Integer, Object> created;

	private final SortedMap<Integer, ApiException> failed;

	private final List<Integer> notAttempted;

	public BulkCreateException(String message, Map<Integer, ?> created, Map<Integer, ApiException> failed,
			List<Integer> notAttempted) {
		super(message, failed.isEmpty() ? null : failed.values().iterator().next());
		this.created = Collections.unmodifiableSortedMap(new TreeMap<>(created));
		this.failed = Collections.unmodifiableSortedMap(new TreeMap<>(failed));
		this.notAttempted = List.copyOf(notAttempted);
	}

	/**
	 * The records that were written, as the server returned them, by input index.
	 * @return the created records
	 */
	public SortedMap<Integer, Object> created() {
		return this.created;
	}

	/**
	 * The failures by input index.
	 * @return the failures
	 */
	public SortedMap<Integer, ApiException> failed() {
		return this.failed;
	}

	/**
	 * The input indexes that were not sent because an earlier record failed.
	 * @return the indexes
	 */
	public List<Integer> notAttempted() {
		return this.notAttempted;
	}

}
