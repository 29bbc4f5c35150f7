package dev.apiorm.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How the values of records compare, as a database would compare them, and where the
 * answer depends on what the client cannot see (the collation of text) the comparison
 * says so instead of guessing.
 * <p>
 * Text is compared on three levels: exactly, with ASCII letters folded (SQLite's
 * {@code LIKE}), and loosely (every case folded and accents stripped, the most lenient
 * collation a database uses). A comparison that two of them answer differently is
 * {@link Truth#UNKNOWN}.
 */
final class Values {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Values() {
	}

	/**
	 * Whether a value equals an operand, as {@code exact} (or {@code iexact}) compares.
	 */
	static Truth equal(Object value, Object operand, boolean ignoreCase) {
		if (value instanceof String text && operand instanceof Text other) {
			return text(text, other, ignoreCase, TextMatch.EQUALS);
		}
		if (value instanceof CharSequence text && operand instanceof CharSequence other) {
			return text(text.toString(), Text.of(other.toString()), ignoreCase, TextMatch.EQUALS);
		}
		if (value.equals(operand)) {
			return Truth.TRUE;
		}
		Integer order = compareExact(value, operand);
		if (order != null) {
			return Truth.of(order == 0);
		}
		return (value.getClass() == operand.getClass()) ? Truth.FALSE : Truth.UNKNOWN;
	}

	/**
	 * Whether a text value matches an operand by one of the text lookups.
	 */
	static Truth text(String value, Text operand, boolean ignoreCase, TextMatch match) {
		if (match.test(value, operand.text())) {
			return Truth.TRUE;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		// Text without capitals (most values) is its own folding in every collation.
		String ascii = (lower == value) ? value : foldAscii(value);
		boolean asciiMatch = match.test(ascii, operand.ascii());
		boolean fullMatch = match.test(lower, operand.lower());
		if (!ignoreCase) {
			// Case-insensitive collations (MySQL's, SQLite's LIKE) may still have
			// matched.
			return (asciiMatch || fullMatch || match.test(loose(value), operand.loose())) ? Truth.UNKNOWN : Truth.FALSE;
		}
		if (asciiMatch && fullMatch) {
			return Truth.TRUE;
		}
		return (asciiMatch || fullMatch || match.test(loose(value), operand.loose())) ? Truth.UNKNOWN : Truth.FALSE;
	}

	/**
	 * The order of two non-null values, as a database orders them.
	 * @return negative, zero or positive, {@code null} when the client cannot tell
	 */
	static @Nullable Integer compare(Object a, Object b) {
		if (a instanceof CharSequence text && b instanceof CharSequence other) {
			return compareText(text.toString(), other.toString());
		}
		return compareExact(a, b);
	}

	private static @Nullable Integer compareExact(Object a, Object b) {
		if (isIntegral(a) && isIntegral(b)) {
			return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
		}
		if (a instanceof Number x && b instanceof Number y) {
			BigDecimal left = decimal(x);
			BigDecimal right = decimal(y);
			return (left != null && right != null) ? left.compareTo(right) : null;
		}
		Instant left = instant(a);
		Instant right = instant(b);
		if (left != null && right != null) {
			return left.compareTo(right);
		}
		if (a.getClass() == b.getClass() && (a instanceof LocalDate || a instanceof LocalDateTime
				|| a instanceof LocalTime || a instanceof Boolean)) {
			return compareSame(a, b);
		}
		return null;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compareSame(Object a, Object b) {
		return ((Comparable) a).compareTo(b);
	}

	/**
	 * Text ordering that binary and case-insensitive, punctuation-ignoring collations
	 * agree on: decided by the first differing character when both are ASCII letters or
	 * digits, and the two orders agree.
	 */
	private static @Nullable Integer compareText(String a, String b) {
		if (a.equals(b)) {
			return 0;
		}
		int length = Math.min(a.length(), b.length());
		int index = 0;
		while (index < length && Character.toLowerCase(a.charAt(index)) == Character.toLowerCase(b.charAt(index))) {
			index++;
		}
		int binary = Integer.signum(a.compareTo(b));
		int folded;
		if (index == length) {
			String longer = (a.length() > b.length()) ? a : b;
			if (a.length() == b.length() || !isAsciiAlphanumeric(longer.charAt(length))) {
				return null;
			}
			folded = Integer.signum(a.length() - b.length());
		}
		else {
			char x = a.charAt(index);
			char y = b.charAt(index);
			if (!isAsciiAlphanumeric(x) || !isAsciiAlphanumeric(y)) {
				return null;
			}
			folded = Integer.signum(Character.toLowerCase(x) - Character.toLowerCase(y));
		}
		return (binary == folded) ? binary : null;
	}

	private static boolean isIntegral(Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
	}

	private static boolean isAsciiAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static @Nullable BigDecimal decimal(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			return (Double.isNaN(value) || Double.isInfinite(value)) ? null : BigDecimal.valueOf(value);
		}
		return BigDecimal.valueOf(number.longValue());
	}

	private static @Nullable Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant();
		}
		if (value instanceof ZonedDateTime time) {
			return time.toInstant();
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		return null;
	}

	/**
	 * Whether a number has a fractional part.
	 */
	static boolean isFractional(Object value) {
		if (!(value instanceof Number number)) {
			return false;
		}
		BigDecimal decimal = decimal(number);
		return decimal == null || decimal.stripTrailingZeros().scale() > 0;
	}

	static String foldAscii(String text) {
		char[] chars = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				if (chars == null) {
					chars = text.toCharArray();
				}
				chars[i] = (char) (c + ('a' - 'A'));
			}
		}
		return (chars != null) ? new String(chars) : text;
	}

	static String loose(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/**
	 * The text lookups.
	 */
	enum TextMatch {

		EQUALS {
			@Override
			boolean test(String value, String operand) {
				return value.equals(operand);
			}
		},

		CONTAINS {
			@Override
			boolean test(String value, String operand) {
				return value.contains(operand);
			}
		},

		STARTS_WITH {
			@Override
			boolean test(String value, String operand) {
				return value.startsWith(operand);
			}
		},

		ENDS_WITH {
			@Override
			boolean test(String value, String operand) {
				return value.endsWith(operand);
			}
		};

		abstract boolean test(String value, String operand);

	}

	/**
	 * A text operand with its foldings, computed once per query rather than per record.
	 *
	 * @param text the text as given
	 * @param ascii the text with ASCII capitals folded
	 * @param lower the text with every capital folded
	 * @param loose the text folded and without accents
	 */
	record Text(String text, String ascii, String lower, String loose) {

		static Text of(String text) {
			return new Text(text, Values.foldAscii(text), text.toLowerCase(Locale.ROOT), Values.loose(text));
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
