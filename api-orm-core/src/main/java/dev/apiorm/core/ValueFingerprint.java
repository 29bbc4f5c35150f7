package dev.apiorm.core;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.ClassUtils;

import dev.apiorm.core.mapping.ApiEntityCodec;

/**
 * A 64-bit fingerprint of a field value, what the change tracker keeps of a record
 * instead of the value itself: a record read and dropped then leaves nothing of its
 * fields behind in the tracker until the next collection finds it gone.
 * <p>
 * Two values that are {@code equal} (as {@link java.util.Objects#equals} compares simple
 * values, and as JSON trees for collections, maps, arrays and nested objects) have the
 * same fingerprint. Two different values share one with a probability of about 2^-64: the
 * hash is keyed with a random seed drawn once per JVM (FNV-1a over the characters from
 * that seed, then MurmurHash3's finalizer), so no pair of strings collides in every JVM.
 */
final class ValueFingerprint {

	private static final long SEED = new SecureRandom().nextLong();

	private static final long PRIME = 0x100000001b3L;

	private ValueFingerprint() {
	}

	/**
	 * The fingerprint of a field's value.
	 * @param value the value
	 * @param codec converts any value that is not a simple one to a JSON tree
	 * @return the fingerprint
	 */
	static long of(@Nullable Object value, ApiEntityCodec<?> codec) {
		if (value == null) {
			return mix(1, 0);
		}
		if (value instanceof String string) {
			return chars(2, string);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return mix(tag(value), ((Number) value).longValue());
		}
		if (value instanceof Double number) {
			return mix(7, Double.doubleToLongBits(number));
		}
		if (value instanceof Float number) {
			return mix(8, Float.floatToIntBits(number));
		}
		if (value instanceof Boolean bool) {
			return mix(9, bool ? 1 : 0);
		}
		if (value instanceof Character character) {
			return mix(10, character);
		}
		if (value instanceof UUID uuid) {
			return mix(mix(11, uuid.getMostSignificantBits()), uuid.getLeastSignificantBits());
		}
		if (value instanceof Enum<?> constant) {
			return chars(chars(12, constant.getDeclaringClass().getName()), constant.name());
		}
		if (value instanceof BigDecimal || value instanceof BigInteger || isTime(value.getClass())) {
			// Their string forms are as exact as their equals (scale, offset and zone).
			return chars(chars(13, value.getClass().getName()), value.toString());
		}
		return tree(codec.convertValue(value, JsonNode.class));
	}

	/**
	 * Whether a type's values are immutable and fingerprinted as simple values: a final
	 * field of such a type can never change.
	 * @param type the declared type
	 * @return whether it is a primitive, a wrapper, {@code String}, an enum,
	 * {@code UUID}, {@code BigDecimal}, {@code BigInteger} or a final {@code java.time}
	 * type
	 */
	static boolean isValueType(Class<?> type) {
		return ClassUtils.isPrimitiveOrWrapper(type) || type == String.class || type.isEnum() || type == UUID.class
				|| type == BigDecimal.class || type == BigInteger.class || isTime(type);
	}

	private static boolean isTime(Class<?> type) {
		return type.getPackageName().equals("java.time") && Modifier.isFinal(type.getModifiers());
	}

	private static long tag(Object number) {
		return (number instanceof Integer) ? 3 : (number instanceof Long) ? 4 : (number instanceof Short) ? 5 : 6;
	}

	private static long tree(JsonNode node) {
		if (node.isObject()) {
			// In any order: two maps with the same entries are one value.
			long sum = 0;
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				sum += mix(chars(20, property.getKey()), tree(property.getValue()));
			}
			return mix(21, sum);
		}
		if (node.isArray()) {
			long hash = mix(22, node.size());
			for (JsonNode element : node.values()) {
				hash = mix(hash, tree(element));
			}
			return hash;
		}
		return chars(30 + node.getNodeType().ordinal(), node.asString());
	}

	private static long chars(long tag, CharSequence chars) {
		long hash = SEED ^ fmix(tag);
		for (int i = 0; i < chars.length(); i++) {
			hash = (hash ^ chars.charAt(i)) * PRIME;
		}
		return fmix(hash ^ chars.length());
	}

	private static long mix(long first, long second) {
		return fmix((SEED ^ fmix(first)) * PRIME + second);
	}

	private static long fmix(long value) {
		long hash = value;
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return hash;
	}

}
