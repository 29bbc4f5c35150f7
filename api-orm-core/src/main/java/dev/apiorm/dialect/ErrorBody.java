package dev.apiorm.dialect;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an error response says.
 *
 * @param message the message the API gave, {@code null} when it gave none
 * @param fieldErrors messages per field
 */
public record ErrorBody(@Nullable String message, Map<String, List<String>> fieldErrors) {

	/** A body that said nothing readable. */
	public static final ErrorBody EMPTY = new ErrorBody(null, Map.of());

}
