package dev.apiorm.dialect;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import dev.apiorm.exception.ApiDecodeException;

/**
 * Reads the paging fields of an envelope strictly, for every dialect alike: a total, a
 * page number or a size is a non-negative integer, a link is a string, and a field that
 * is there with another type is an {@link ApiDecodeException} naming the dialect and the
 * field, never read as absent. A field read as absent would make a page look like the
 * last one, and the answer shorter than the collection.
 */
public final class PageFields {

	private PageFields() {
	}

	/**
	 * A count field at the parser's current token.
	 * @param dialect the dialect's name, for the message
	 * @param field the field's name in the envelope
	 * @param parser the parser at the field's value
	 * @return the count, {@code null} for a JSON {@code null}
	 * @throws ApiDecodeException when the value is not a non-negative integer
	 */
	public static @Nullable Long count(String dialect, String field, JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			return nonNegative(dialect, field, parser.getLongValue(), parser.getText());
		}
		if (token != null && (token.isStructStart())) {
			parser.skipChildren();
		}
		throw notACount(dialect, field, describe(token, parser));
	}

	/**
	 * A count field of a tree.
	 * @param dialect the dialect's name, for the message
	 * @param field the field's path in the envelope
	 * @param value the field's value, {@code null} when the field is missing
	 * @return the count, {@code null} when the field is missing or a JSON {@code null}
	 * @throws ApiDecodeException when the value is not a non-negative integer
	 */
	public static @Nullable Long count(String dialect, String field, @Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return nonNegative(dialect, field, value.asLong(), value.toString());
		}
		throw notACount(dialect, field, value.toString());
	}

	/**
	 * A count header.
	 * @param dialect the dialect's name, for the message
	 * @param header the header's name
	 * @param value the header's value, {@code null} when it is missing
	 * @return the count, {@code null} when the header is missing
	 * @throws ApiDecodeException when the value is not a non-negative integer
	 */
	public static @Nullable Long count(String dialect, String header, @Nullable String value) {
		if (value == null) {
			return null;
		}
		String digits = value.trim();
		if (!digits.matches("[0-9]{1,18}")) {
			throw notACount(dialect, "the " + header + " header", abbreviate(value));
		}
		return Long.parseLong(digits);
	}

	/**
	 * A link field at the parser's current token.
	 * @param dialect the dialect's name, for the message
	 * @param field the field's name in the envelope
	 * @param parser the parser at the field's value
	 * @return the link, {@code null} for a JSON {@code null}
	 * @throws ApiDecodeException when the value is not a string
	 */
	public static @Nullable String link(String dialect, String field, JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (token != null && token.isStructStart()) {
			parser.skipChildren();
		}
		throw new ApiDecodeException(dialect + ": the page's '" + field + "' is " + describe(token, parser)
				+ ", not a link: the rest of the collection cannot be reached", null);
	}

	private static long nonNegative(String dialect, String field, long value, String text) {
		if (value < 0) {
			throw notACount(dialect, field, text);
		}
		return value;
	}

	private static ApiDecodeException notACount(String dialect, String field, String value) {
		String name = field.startsWith("the ") ? field : "the page's '" + field + "'";
		return new ApiDecodeException(dialect + ": " + name + " is " + abbreviate(value)
				+ ", not a number of records (a non-negative integer)", null);
	}

	private static String describe(@Nullable JsonToken token, JsonParser parser) {
		if (token == null) {
			return "missing";
		}
		if (token.isScalarValue()) {
			return abbreviate(parser.getText());
		}
		return token.isStructStart() ? ((token == JsonToken.START_OBJECT) ? "an object" : "an array") : token.name();
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

}
