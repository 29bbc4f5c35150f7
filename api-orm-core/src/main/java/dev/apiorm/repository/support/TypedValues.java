package dev.apiorm.repository.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.query.RecordFields;

/**
 * The values of records read as maps of API names, in the Java types of the model's
 * fields, as Django's {@code values()} gives a model's field types: a {@code Long} id
 * where the API wrote {@code 7} or {@code "7"} (JSON:API), a {@code LocalDate} where it
 * wrote {@code "2026-01-02"}, the related id of a to-one relation. A name the model does
 * not have keeps the value as the API wrote it.
 */
final class TypedValues {

	private final ApiPersistentEntity<?> entity;

	TypedValues(ApiPersistentEntity<?> entity) {
		this.entity = entity;
	}

	/**
	 * A record's values, typed.
	 * @param record the record as a map of API names
	 * @param names the API names to keep, in order; none for every field of the record
	 * @return the typed values by API name
	 * @throws ApiDecodeException when a value cannot be the field's type
	 */
	Map<String, Object> map(Map<String, Object> record, List<String> names) {
		Iterable<String> kept = names.isEmpty() ? record.keySet() : names;
		Map<String, Object> typed = new LinkedHashMap<>();
		for (String name : kept) {
			typed.put(name, value(name, record));
		}
		return typed;
	}

	/**
	 * A record's values, typed, as a row.
	 * @param record the record as a map of API names
	 * @param names the API names of the row, in order; none for every field of the record
	 * @return the typed values
	 * @throws ApiDecodeException when a value cannot be the field's type
	 */
	List<Object> row(Map<String, Object> record, List<String> names) {
		Iterable<String> kept = names.isEmpty() ? record.keySet() : names;
		List<Object> row = new ArrayList<>(names.isEmpty() ? record.size() : names.size());
		for (String name : kept) {
			row.add(value(name, record));
		}
		return row;
	}

	private @Nullable Object value(String name, Map<String, Object> record) {
		Object raw = record.get(name);
		if (raw == null) {
			return null;
		}
		RecordFields.Field<Map<String, Object>> field = this.entity.getMapFields().field(name);
		if (field == null) {
			return raw;
		}
		try {
			// A nested record is read as filters read it (a to-one's nested record is its
			// id); a value is converted to the field's type.
			return (raw instanceof Map) ? field.get(record) : field.convert(raw);
		}
		catch (RuntimeException ex) {
			throw new ApiDecodeException(this.entity.getModelName() + ": the API's value of '" + name
					+ "' cannot be the field's type: " + ex.getMessage(), ex);
		}
	}

}
