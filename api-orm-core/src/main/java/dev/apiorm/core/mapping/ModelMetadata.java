package dev.apiorm.core.mapping;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.PersistentPropertyAccessor;

import dev.apiorm.Pagination;

/**
 * Everything api-orm knows about one model, read once at start-up: its endpoint and
 * client, its id, the API names of its properties, and prepared JSON readers.
 *
 * @param <T> the model type
 */
public final class ModelMetadata<T> {

	private final Class<T> type;

	private final String endpoint;

	private final String clientName;

	private final Pagination pagination;

	private final PersistentEntity<T, ApiPersistentProperty> entity;

	private final ApiPersistentProperty idProperty;

	private final String idWireName;

	private final Map<String, String> wireNames;

	private final Map<String, String> javaNames;

	private final JsonMapper mapper;

	private final ObjectReader reader;

	private final ObjectReader bodyReader;

	private final ObjectReader mapReader;

	private final JavaType mapType;

	private final ConversionService conversionService;

	ModelMetadata(Class<T> type, String endpoint, String clientName, Pagination pagination,
			PersistentEntity<T, ApiPersistentProperty> entity, ApiPersistentProperty idProperty,
			Map<String, String> wireNames, Map<String, String> javaNames, JsonMapper mapper,
			ConversionService conversionService) {
		this.type = type;
		this.endpoint = endpoint;
		this.clientName = clientName;
		this.pagination = pagination;
		this.entity = entity;
		this.idProperty = idProperty;
		this.wireNames = Map.copyOf(wireNames);
		this.javaNames = Map.copyOf(javaNames);
		this.idWireName = this.wireNames.getOrDefault(idProperty.getName(), idProperty.getName());
		this.mapper = mapper;
		this.bodyReader = mapper.readerFor(type);
		// Records are read one by one from a parser inside a page: what follows a record
		// is the rest of the page, not a trailing token.
		this.reader = this.bodyReader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.mapType = mapper.getTypeFactory()
			.constructMapType(java.util.LinkedHashMap.class, String.class, Object.class);
		this.mapReader = mapper.readerFor(this.mapType).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.conversionService = conversionService;
	}

	/**
	 * The model class.
	 * @return the type
	 */
	public Class<T> type() {
		return this.type;
	}

	/**
	 * The simple name of the model, for messages.
	 * @return the name
	 */
	public String name() {
		return this.type.getSimpleName();
	}

	/**
	 * The collection path, relative to the client's base URL.
	 * @return the endpoint
	 */
	public String endpoint() {
		return this.endpoint;
	}

	/**
	 * The name of the client that serves the model.
	 * @return the client name
	 */
	public String clientName() {
		return this.clientName;
	}

	/**
	 * The model's own pagination style, or {@link Pagination#CLIENT_DEFAULT}.
	 * @return the pagination
	 */
	public Pagination pagination() {
		return this.pagination;
	}

	/**
	 * The Spring Data entity of the model.
	 * @return the entity
	 */
	public PersistentEntity<T, ApiPersistentProperty> entity() {
		return this.entity;
	}

	/**
	 * The API name of the id field.
	 * @return the id's wire name
	 */
	public String idWireName() {
		return this.idWireName;
	}

	/**
	 * The Java type of the id.
	 * @return the id type
	 */
	public Class<?> idType() {
		return this.idProperty.getType();
	}

	/**
	 * Whether instances can be updated in place (classes can, records cannot).
	 * @return {@code true} for mutable classes
	 */
	public boolean isMutable() {
		return !this.type.isRecord();
	}

	/**
	 * The id of a record.
	 * @param object the record
	 * @return the id, {@code null} when the record is new
	 */
	public @Nullable Object idOf(T object) {
		return this.entity.getIdentifierAccessor(object).getIdentifier();
	}

	/**
	 * Sets the id of a mutable record.
	 * @param object the record
	 * @param id the id
	 */
	public void setId(T object, Object id) {
		PersistentPropertyAccessor<T> accessor = this.entity.getPropertyAccessor(object);
		accessor.setProperty(this.idProperty, convertId(id));
	}

	/**
	 * Converts an id given by the caller to the type of the model's id field.
	 * @param id the id as given
	 * @return the converted id
	 * @throws IllegalArgumentException when the id cannot be converted
	 */
	public Object convertId(Object id) {
		if (this.idProperty.getType().isInstance(id)) {
			return id;
		}
		try {
			Object converted = this.conversionService.convert(id, this.idProperty.getType());
			if (converted == null) {
				throw new IllegalArgumentException(name() + ": id must not be null");
			}
			return converted;
		}
		catch (ConversionException ex) {
			throw new IllegalArgumentException(
					name() + ": id '" + id + "' cannot be converted to " + this.idProperty.getType().getSimpleName(),
					ex);
		}
	}

	/**
	 * The API name of a field given by its Java property name or its API name.
	 * @param name a Java property or API field name
	 * @return the API name
	 * @throws IllegalArgumentException when the model has no such field
	 */
	public String wireName(String name) {
		String wireName = this.wireNames.get(name);
		if (wireName == null) {
			throw new IllegalArgumentException(
					name() + " has no field '" + name + "' (fields: " + this.wireNames.values() + ")");
		}
		return wireName;
	}

	/**
	 * The Java property name of a field given by its Java or API name.
	 * @param name a Java property or API field name
	 * @return the Java property name
	 * @throws IllegalArgumentException when the model has no such field
	 */
	public String javaName(String name) {
		String javaName = this.javaNames.get(wireName(name));
		return (javaName != null) ? javaName : name;
	}

	/**
	 * Writes a value as JSON with the model's mapper.
	 * @param value the value
	 * @return the JSON bytes
	 */
	public byte[] writeJson(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	/**
	 * Reads one record from a parser positioned at its start.
	 * @param parser the parser
	 * @return the record
	 */
	public T read(JsonParser parser) {
		return this.reader.readValue(parser);
	}

	/**
	 * Reads one record from a JSON body.
	 * @param body the JSON bytes
	 * @return the record
	 */
	public T read(byte[] body) {
		return this.bodyReader.readValue(body);
	}

	/**
	 * Reads a JSON body into an existing mutable record.
	 * @param target the record to update
	 * @param body the JSON bytes
	 * @return the updated record
	 */
	public T readInto(T target, byte[] body) {
		return this.mapper.readerForUpdating(target).readValue(body);
	}

	/**
	 * The reader of records as maps of API field names to JSON values.
	 * @return the reader
	 */
	public ObjectReader mapReader() {
		return this.mapReader;
	}

	/**
	 * The reader of records as model instances.
	 * @return the reader
	 */
	public ObjectReader reader() {
		return this.reader;
	}

	/**
	 * A record as a map of API field names to JSON values.
	 * @param object the record
	 * @return the map
	 */
	public Map<String, Object> toMap(T object) {
		return this.mapper.convertValue(object, this.mapType);
	}

	/**
	 * Converts a JSON value to another type with the model's JSON mapper.
	 * @param value the value
	 * @param type the target type
	 * @param <V> the target type
	 * @return the converted value
	 */
	public <V> V convertValue(@Nullable Object value, Class<V> type) {
		return this.mapper.convertValue(value, type);
	}

	@Override
	public String toString() {
		return "ModelMetadata[" + name() + " -> " + this.endpoint + " on client '" + this.clientName + "']";
	}

}
