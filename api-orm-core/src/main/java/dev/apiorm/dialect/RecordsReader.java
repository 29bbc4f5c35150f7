package dev.apiorm.dialect;

import java.util.List;

import tools.jackson.core.JsonParser;

/**
 * Reads the records of a JSON array in one pass, as a page's {@code results}.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface RecordsReader<R> {

	/**
	 * Reads the records.
	 * @param parser the parser at the array's {@code START_ARRAY}; it is left at the
	 * array's {@code END_ARRAY}
	 * @return the records, in order
	 * @throws dev.apiorm.exception.ApiDecodeException when a record is not what the model
	 * expects
	 */
	List<R> read(JsonParser parser);

}
