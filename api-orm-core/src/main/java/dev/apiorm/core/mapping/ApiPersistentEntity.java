package dev.apiorm.core.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.introspect.ClassIntrospector;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.model.BasicPersistentEntity;
import org.springframework.util.StringUtils;

import dev.apiorm.ApiModel;
import dev.apiorm.Pagination;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.query.RecordFields;

/**
 * An api-orm model as Spring Data sees it: its endpoint, client and pagination from
 * {@link ApiModel}, its id property, the API name of every property, and a codec with
 * JSON readers and writers prepared once. Created and verified by
 * {@link ApiMappingContext}; an invalid model fails there with a
 * {@link ConfigurationException} naming the class.
 *
 * @param <T> the model type
 */
public class ApiPersistentEntity<T> extends BasicPersistentEntity<T, ApiPersistentProperty> {

	private final ApiModel model;

	private final String endpoint;

	private final JsonMapper jsonMapper;

	private final ConversionService conversionService;

	private boolean mutable;

	private Map<String, String> wireNames = Map.of();

	private Map<String, String> javaNames = Map.of();

	private @Nullable ApiEntityCodec<T> codec;

	private @Nullable RecordFields<T> recordFields;

	private @Nullable RecordFields<Map<String, Object>> mapFields;

	/** The id read through its getter, as every field is; {@code null} before verify. */
	private RecordFields.@Nullable Field<T> idField;

	private Map<String, ApiRelation> relations = Map.of();

	private final Function<Class<?>, ApiPersistentEntity<?>> entities;

	private final ReferenceStubs stubs;

	ApiPersistentEntity(TypeInformation<T> information, JsonMapper jsonMapper, ConversionService conversionService,
			Function<Class<?>, ApiPersistentEntity<?>> entities, ReferenceStubs stubs) {
		super(information);
		this.entities = entities;
		this.stubs = stubs;
		this.model = information.getType().getAnnotation(ApiModel.class);
		String path = (this.model != null) ? this.model.endpoint() : "";
		this.endpoint = path.startsWith("/") ? path : "/" + path;
		this.jsonMapper = jsonMapper;
		this.conversionService = conversionService;
		this.mutable = !information.getType().isRecord();
	}

	@Override
	public void verify() {
		super.verify();
		String type = getType().getName();
		if (this.model == null) {
			throw new ConfigurationException(type + " is not annotated with @ApiModel");
		}
		if (!StringUtils.hasText(this.model.endpoint())) {
			throw new ConfigurationException(type + ": @ApiModel endpoint must not be empty");
		}
		if (getIdProperty() == null) {
			throw new ConfigurationException(type + ": id field '" + this.model.idField()
					+ "' does not exist on the type (set @ApiModel(idField = ...))");
		}
		resolveWireNames();
		this.mutable = this.mutable && !hasImmutableProperty();
		resolveRelations();
		this.codec = new ApiEntityCodec<>(getType(), this.jsonMapper);
		this.recordFields = new RelationPathFields<>(this, EntityFields.ofInstances(this), this.stubs);
		this.mapFields = EntityFields.ofMaps(this);
		this.idField = this.recordFields.field(getIdWireName());
	}

	/**
	 * Maps each Java property name, and each API name, to the API name as the JSON mapper
	 * writes it, and sets it on the persistent properties.
	 */
	private void resolveWireNames() {
		Map<String, String> wire = new LinkedHashMap<>();
		Map<String, String> java = new LinkedHashMap<>();
		List<BeanPropertyDefinition> properties = jacksonProperties();
		for (BeanPropertyDefinition property : properties) {
			wire.put(property.getName(), property.getName());
			java.put(property.getName(), property.getInternalName());
		}
		for (BeanPropertyDefinition property : properties) {
			wire.putIfAbsent(property.getInternalName(), property.getName());
		}
		doWithProperties((ApiPersistentProperty property) -> {
			String name = wire.get(property.getName());
			if (name != null) {
				property.setWireName(name);
			}
		});
		this.wireNames = Map.copyOf(wire);
		this.javaNames = Map.copyOf(java);
	}

	/**
	 * Whether a property can only be set through the constructor (a final field without a
	 * setter: a Kotlin {@code val}, a final field of a Java class): Jackson cannot update
	 * such an instance in place, so the server's answer becomes a new instance, as for a
	 * record.
	 */
	private boolean hasImmutableProperty() {
		for (ApiPersistentProperty property : this) {
			if (!property.isTransient() && property.isImmutable()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Finds the relations: the properties annotated with Spring Data's {@code @Reference}
	 * (association properties, which Spring Data hands to no property handler).
	 */
	private void resolveRelations() {
		Map<String, ApiRelation> found = new java.util.TreeMap<>();
		doWithAssociations((org.springframework.data.mapping.Association<ApiPersistentProperty> association) -> {
			ApiPersistentProperty property = association.getInverse();
			String name = this.wireNames.get(property.getName());
			if (name != null) {
				property.setWireName(name);
			}
			ApiRelation relation = ApiRelation.of(property);
			if (relation != null) {
				if (!relation.target().isAnnotationPresent(ApiModel.class)) {
					throw new ConfigurationException(getType().getName() + ": relation '" + property.getName()
							+ "' refers to " + relation.target().getName() + ", which is not an @ApiModel");
				}
				found.put(relation.name(), relation);
			}
		});
		this.relations = java.util.Collections.unmodifiableMap(found);
	}

	/**
	 * The model's relations, by Java property name, in the order of their names.
	 * @return the relations
	 */
	public Map<String, ApiRelation> getRelations() {
		return this.relations;
	}

	/**
	 * The ids a relation of an instance holds, as the API writes them (the related id of
	 * a to-one, the list of ids of a to-many), for the change tracker.
	 * @param relation a relation of this model
	 * @return the field
	 */
	public RecordFields.Field<T> getRelationIds(ApiRelation relation) {
		return EntityFields.relationIds(this, relation);
	}

	/**
	 * The entity of the model a relation refers to.
	 * @param relation a relation of this model
	 * @return the related model's entity
	 */
	public ApiPersistentEntity<?> getRelatedEntity(ApiRelation relation) {
		return this.entities.apply(relation.target());
	}

	/**
	 * A relation given by its Java property name or its API name.
	 * @param name the name
	 * @return the relation, {@code null} when the model has no such relation
	 */
	public @Nullable ApiRelation getRelation(String name) {
		ApiRelation relation = this.relations.get(name);
		if (relation == null && this.javaNames.containsKey(name)) {
			relation = this.relations.get(this.javaNames.get(name));
		}
		return relation;
	}

	private List<BeanPropertyDefinition> jacksonProperties() {
		SerializationConfig config = this.jsonMapper.serializationConfig();
		JavaType javaType = this.jsonMapper.constructType(getType());
		ClassIntrospector introspector = config.classIntrospectorInstance().forOperation(config);
		BeanDescription description = introspector.introspectForSerialization(javaType,
				introspector.introspectClassAnnotations(javaType));
		return description.findProperties();
	}

	/**
	 * The simple name of the model class, for messages.
	 * @return the name
	 */
	public String getModelName() {
		return getType().getSimpleName();
	}

	/**
	 * The collection path, relative to the client's base URL, with a leading slash.
	 * @return the endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The name of the client that serves the model.
	 * @return the client name
	 */
	public String getClientName() {
		return this.model.client();
	}

	/**
	 * The model's own pagination style, or {@link Pagination#CLIENT_DEFAULT}.
	 * @return the pagination
	 */
	public Pagination getPagination() {
		return this.model.pagination();
	}

	/**
	 * The API name of the id field.
	 * @return the id's wire name
	 */
	public String getIdWireName() {
		return getRequiredIdProperty().getWireName();
	}

	/**
	 * Whether instances can be updated in place: classes whose every property has a
	 * setter or a non-final field can; records, Kotlin data classes of {@code val}
	 * properties and classes with a final property cannot (a write or a refresh returns a
	 * new instance).
	 * @return {@code true} for mutable classes
	 */
	public boolean isMutable() {
		return this.mutable;
	}

	/**
	 * The id of an instance.
	 * @param object the instance
	 * @return the id, {@code null} when it has none
	 */
	public @Nullable Object getId(T object) {
		// Not through an identifier accessor made per call: every record read by id, and
		// every write, asks for its id.
		RecordFields.Field<T> id = this.idField;
		return (id != null) ? id.get(object) : getIdentifierAccessor(object).getIdentifier();
	}

	/**
	 * Sets the id of a mutable instance.
	 * @param object the instance
	 * @param id the id, converted to the id's type
	 */
	public void setId(T object, Object id) {
		getPropertyAccessor(object).setProperty(getRequiredIdProperty(), convertId(id));
	}

	/**
	 * Converts an id given by the caller to the type of the model's id property.
	 * @param id the id as given
	 * @return the converted id
	 * @throws IllegalArgumentException when the id cannot be converted (API.md names this
	 * exception for ids)
	 */
	public Object convertId(Object id) {
		Class<?> idType = getRequiredIdProperty().getType();
		if (idType.isInstance(id) || (idType.isPrimitive() && getRequiredIdProperty().getActualType().isInstance(id))) {
			return id;
		}
		try {
			Object converted = this.conversionService.convert(id, idType);
			if (converted == null) {
				throw new IllegalArgumentException(getModelName() + ": id must not be null");
			}
			return converted;
		}
		catch (ConversionException ex) {
			throw new IllegalArgumentException(
					getModelName() + ": id '" + id + "' cannot be converted to " + idType.getSimpleName(), ex);
		}
	}

	/**
	 * The API name of a field given by its Java property name or its API name.
	 * @param name a Java property or API field name
	 * @return the API name
	 * @throws IllegalArgumentException when the model has no such field
	 */
	public String getWireName(String name) {
		String wireName = this.wireNames.get(name);
		if (wireName == null) {
			throw new IllegalArgumentException(
					getModelName() + " has no field '" + name + "' (fields: " + this.javaNames.keySet() + ")");
		}
		return wireName;
	}

	/**
	 * The Java property name of a field given by its Java or API name.
	 * @param name a Java property or API field name
	 * @return the Java property name
	 * @throws IllegalArgumentException when the model has no such field
	 */
	public String getJavaName(String name) {
		String javaName = this.javaNames.get(getWireName(name));
		return (javaName != null) ? javaName : name;
	}

	/**
	 * The prepared JSON readers and writers of the model.
	 * @return the codec
	 */
	public ApiEntityCodec<T> getCodec() {
		return verified(this.codec);
	}

	/**
	 * The fields of the model's instances, for lookups and orderings evaluated on them.
	 * @return the fields
	 */
	public RecordFields<T> getRecordFields() {
		return verified(this.recordFields);
	}

	/**
	 * The fields of the model's records read as maps of API names.
	 * @return the fields
	 */
	public RecordFields<Map<String, Object>> getMapFields() {
		return verified(this.mapFields);
	}

	private <V> V verified(@Nullable V prepared) {
		if (prepared == null) {
			throw new IllegalStateException(getModelName() + " has not been verified");
		}
		return prepared;
	}

	@Override
	public String toString() {
		return "ApiPersistentEntity[" + getModelName() + " -> " + this.endpoint + " on client '" + getClientName()
				+ "']";
	}

}
