package dev.apiorm.core.proof;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.query.QueryDefinition;

/**
 * Holds the pages of one window to what their envelope said: the window ends with as many
 * records as the first page's total allows, and no page repeats the records of the page
 * before it (an API that ignores its start parameter serves the same page again under a
 * new link). Memory stays at one page of ids, whatever the collection's size.
 *
 * @param <R> the record type
 */
public final class WindowTally<R> {

	private final String what;

	private final QueryDefinition query;

	private final Function<R, @Nullable Object> idOf;

	private @Nullable Long total;

	private long delivered;

	private IdSet previousIds = IdSet.EMPTY;

	/**
	 * The tally of one window.
	 * @param what names the call for messages ({@code "Book list (drf)"})
	 * @param query the window's query
	 * @param idOf the id of a record, {@code null} when it has none
	 */
	public WindowTally(String what, QueryDefinition query, Function<R, @Nullable Object> idOf) {
		this.what = what;
		this.query = query;
		this.idOf = idOf;
	}

	/**
	 * Counts a page.
	 * @param records its records, as the window delivers them
	 * @param count the total its envelope announced, {@code null} when none
	 * @param first whether it is the window's first page
	 * @throws ApiDecodeException when the page repeats the records of the page before it
	 */
	public void page(List<R> records, @Nullable Long count, boolean first) {
		if (first) {
			this.total = count;
		}
		IdSet ids = new IdSet(records.size());
		int repeated = 0;
		for (R record : records) {
			Object id = this.idOf.apply(record);
			if (id != null && (this.previousIds.contains(id) || !ids.add(id))) {
				repeated++;
			}
		}
		if (repeated > 0 && !records.isEmpty()) {
			throw new ApiDecodeException(this.what + ": a page repeats " + repeated + " of the records already "
					+ "delivered (after " + this.delivered + " records): the API does not move through the "
					+ "collection as its links say; the rest is not read", null);
		}
		this.previousIds = ids;
		this.delivered += records.size();
	}

	/**
	 * Checks the window's end.
	 * @throws ApiDecodeException when the pages held another number of records than the
	 * first page's total says the window holds
	 */
	public void end() {
		if (this.total == null) {
			return;
		}
		long expected = Math.max(0, this.total - this.query.offset());
		Long limit = this.query.limit();
		if (limit != null) {
			expected = Math.min(expected, limit);
		}
		if (this.delivered != expected) {
			throw new ApiDecodeException(this.what + ": the first page's total says the window holds " + expected
					+ " record" + ((expected == 1) ? "" : "s") + " (" + this.total + " in all), and the pages held "
					+ this.delivered + ((this.delivered < expected) ? ", with no way to the rest" : "")
					+ ": the answer would not be the collection's", null);
		}
	}

	/**
	 * How many records the pages held so far.
	 * @return the number of records
	 */
	public long delivered() {
		return this.delivered;
	}

}
