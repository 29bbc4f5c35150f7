package dev.apiorm.dialect;

import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

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

	/**
	 * Reads the records of an array a dialect built, such as records taken out of their
	 * envelopes.
	 * @param records the array
	 * @param mapper the mapper that walks it
	 * @return the records, in order
	 */
	default List<R> read(ArrayNode records, JsonMapper mapper) {
		try (JsonParser array = mapper.treeAsTokens(records)) {
			array.nextToken();
			return read(array);
		}
	}

}
