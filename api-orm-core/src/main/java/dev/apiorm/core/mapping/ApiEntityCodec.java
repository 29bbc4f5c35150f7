package dev.apiorm.core.mapping;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

import dev.apiorm.exception.ApiDecodeException;

/**
 * The JSON readers and writers of one model, prepared once: records read inside a page, a
 * record read from a whole body (into a new instance or an existing one), records as maps
 * of API names, and request bodies.
 *
 * @param <T> the model type
 */
public final class ApiEntityCodec<T> {

	private final JsonMapper mapper;

	private final ObjectReader bodyReader;

	private final ObjectReader recordsReader;

	private final ObjectReader stubReader;

	private final ObjectReader mapsReader;

	private final ObjectWriter recordWriter;

	private final ObjectWriter fieldsWriter;

	private final JavaType mapType;

	ApiEntityCodec(Class<T> type, JsonMapper mapper) {
		this.mapper = mapper;
		this.bodyReader = mapper.readerFor(type);
		// A stub has its id and nothing else: a primitive or a creator property it lacks
		// is left at its default rather than refused.
		this.stubReader = this.bodyReader.without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
				DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
				DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
		this.mapType = mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
		// A page's records are read in one call, with one deserialization context, as a
		// list of the model would be.
		TypeFactory types = mapper.getTypeFactory();
		this.recordsReader = mapper.readerFor(types.constructCollectionType(ArrayList.class, type))
			.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.mapsReader = mapper.readerFor(types.constructCollectionType(ArrayList.class, this.mapType))
			.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		// A record sent whole (POST, PUT) leaves out its null properties, so that the
		// server applies its defaults; a map of fields (PATCH) is sent as given, nulls
		// too.
		this.recordWriter = mapper.rebuild()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build()
			.writerFor(type);
		this.fieldsWriter = mapper.writer();
	}

	/**
	 * Reads the records of a JSON array.
	 * @param parser the parser at the array's start
	 * @return the records
	 * @throws ApiDecodeException when the array holds a {@code null}
	 */
	public List<T> readRecords(JsonParser parser) {
		return withoutNulls(this.recordsReader.readValue(parser));
	}

	/**
	 * Reads the records of a JSON array as maps of API names to JSON values.
	 * @param parser the parser at the array's start
	 * @return the records as maps
	 * @throws ApiDecodeException when the array holds a {@code null}
	 */
	public List<Map<String, Object>> readMaps(JsonParser parser) {
		return withoutNulls(this.mapsReader.readValue(parser));
	}

	/**
	 * Passes over the records of a JSON array without reading them.
	 * @param parser the parser at the array's start
	 * @return as many placeholders as the array has records
	 */
	public static List<Boolean> skipRecords(JsonParser parser) {
		int count = 0;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			parser.skipChildren();
			count++;
		}
		return Collections.nCopies(count, Boolean.TRUE);
	}

	private static <R> List<R> withoutNulls(List<R> records) {
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i) == null) {
				throw new ApiDecodeException("record " + i + " of the page is null", null);
			}
		}
		return records;
	}

	/**
	 * Reads a record from a whole body.
	 * @param body the body
	 * @return the record
	 */
	public T read(InputStream body) {
		return this.bodyReader.readValue(body);
	}

	/**
	 * Reads a record from a whole body.
	 * @param body the body's bytes
	 * @return the record, {@code null} for the JSON literal {@code null}
	 */
	public T read(byte[] body) {
		return this.bodyReader.readValue(body);
	}

	/**
	 * Reads a record from a JSON tree, such as the record a dialect took out of its
	 * envelope.
	 * @param record the record's tree
	 * @return the record, {@code null} for the JSON literal {@code null}
	 */
	public T read(JsonNode record) {
		return this.bodyReader.readValue(record);
	}

	/**
	 * Reads a related record the API gave by its id alone (a stub): the tree holds the id
	 * only, and every other property keeps its default, primitives included.
	 * @param record the tree holding the id
	 * @return the stub
	 */
	T readStub(JsonNode record) {
		return this.stubReader.readValue(record);
	}

	/**
	 * Sets the fields a tree holds on an existing mutable record; call it with a tree
	 * {@link #read(JsonNode)} has decoded, so that it cannot fail half-way.
	 * @param target the record to update
	 * @param record the record's tree
	 * @return the updated record
	 */
	public T update(T target, JsonNode record) {
		return this.mapper.readerForUpdating(target).readValue(record);
	}

	/**
	 * Sets the fields a body holds on an existing mutable record; call it with a body
	 * {@link #read(byte[])} has decoded, so that it cannot fail half-way.
	 * @param target the record to update
	 * @param body the body's bytes
	 * @return the updated record
	 */
	public T update(T target, byte[] body) {
		return this.mapper.readerForUpdating(target).readValue(body);
	}

	/**
	 * Sets the fields a parser yields on an existing mutable record.
	 * @param target the record to update
	 * @param parser the parser, at the record's first token
	 * @return the updated record
	 */
	public T update(T target, JsonParser parser) {
		return this.mapper.readerForUpdating(target).readValue(parser);
	}

	/**
	 * The JSON of a whole record, without its null properties.
	 * @param record the record
	 * @return the JSON bytes
	 */
	public byte[] writeRecord(T record) {
		return this.recordWriter.writeValueAsBytes(record);
	}

	/**
	 * The JSON of a map of API fields, nulls included.
	 * @param fields the fields
	 * @return the JSON bytes
	 */
	public byte[] writeFields(Map<String, ?> fields) {
		return this.fieldsWriter.writeValueAsBytes(fields);
	}

	/**
	 * A record as a map of API field names to JSON values.
	 * @param record the record
	 * @return the map
	 */
	public Map<String, Object> toMap(T record) {
		return this.mapper.convertValue(record, this.mapType);
	}

	/**
	 * A record as the API sends it: a map of API names to the values its JSON holds
	 * (numbers as JSON reads them, dates as text), nulls included.
	 * @param record the record
	 * @return the map
	 */
	public Map<String, Object> toJsonMap(T record) {
		return this.mapper.readValue(this.fieldsWriter.writeValueAsBytes(record), this.mapType);
	}

	/**
	 * Converts a JSON value, or a map of API fields, to another type.
	 * @param value the value
	 * @param type the target type
	 * @param <V> the target type
	 * @return the converted value
	 */
	public <V> V convertValue(@Nullable Object value, Class<V> type) {
		return this.mapper.convertValue(value, type);
	}

}
