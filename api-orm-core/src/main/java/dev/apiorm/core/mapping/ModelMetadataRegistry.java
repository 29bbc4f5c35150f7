package dev.apiorm.core.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.introspect.ClassIntrospector;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import dev.apiorm.ApiModel;
import dev.apiorm.exception.ConfigurationException;

/**
 * Reads and caches the {@link ModelMetadata} of every model, once per model.
 */
public class ModelMetadataRegistry {

	private final ApiMappingContext mappingContext;

	private final JsonMapper mapper;

	private final ConversionService conversionService = DefaultConversionService.getSharedInstance();

	private final Map<Class<?>, ModelMetadata<?>> cache = new ConcurrentHashMap<>();

	public ModelMetadataRegistry(ApiMappingContext mappingContext, JsonMapper mapper) {
		Assert.notNull(mappingContext, "mappingContext must not be null");
		Assert.notNull(mapper, "mapper must not be null");
		this.mappingContext = mappingContext;
		this.mapper = mapper;
	}

	/**
	 * The Spring Data mapping context the models' entities come from.
	 * @return the mapping context
	 */
	public ApiMappingContext mappingContext() {
		return this.mappingContext;
	}

	/**
	 * The metadata of a model, read on first use.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the metadata
	 * @throws ConfigurationException when the model is invalid
	 */
	@SuppressWarnings("unchecked")
	public <T> ModelMetadata<T> get(Class<T> type) {
		Assert.notNull(type, "type must not be null");
		return (ModelMetadata<T>) this.cache.computeIfAbsent(type, this::read);
	}

	@SuppressWarnings("unchecked")
	private <T> ModelMetadata<T> read(Class<T> type) {
		ApiModel model = type.getAnnotation(ApiModel.class);
		if (model == null) {
			throw new ConfigurationException(type.getName() + " is not annotated with @ApiModel");
		}
		if (!StringUtils.hasText(model.endpoint())) {
			throw new ConfigurationException(type.getName() + ": @ApiModel endpoint must not be empty");
		}
		String endpoint = model.endpoint().startsWith("/") ? model.endpoint() : "/" + model.endpoint();
		PersistentEntity<T, ApiPersistentProperty> entity = (PersistentEntity<T, ApiPersistentProperty>) this.mappingContext
			.getRequiredPersistentEntity(type);
		ApiPersistentProperty idProperty = entity.getIdProperty();
		if (idProperty == null) {
			throw new ConfigurationException(type.getName() + ": id field '" + model.idField()
					+ "' does not exist on the type (set @ApiModel(idField = ...))");
		}
		return new ModelMetadata<>(type, endpoint, model.client(), model.pagination(), entity, idProperty,
				wireNames(type), javaNames(type), this.mapper, this.conversionService);
	}

	/**
	 * Maps each Java property name, and each API name, to the API name, as the JSON
	 * mapper writes it ({@code @JsonProperty}, naming strategies).
	 */
	private Map<String, String> wireNames(Class<?> type) {
		Map<String, String> names = new LinkedHashMap<>();
		for (BeanPropertyDefinition property : properties(type)) {
			names.put(property.getName(), property.getName());
		}
		for (BeanPropertyDefinition property : properties(type)) {
			names.putIfAbsent(property.getInternalName(), property.getName());
		}
		return names;
	}

	private Map<String, String> javaNames(Class<?> type) {
		Map<String, String> names = new LinkedHashMap<>();
		for (BeanPropertyDefinition property : properties(type)) {
			names.put(property.getName(), property.getInternalName());
		}
		return names;
	}

	private java.util.List<BeanPropertyDefinition> properties(Class<?> type) {
		SerializationConfig config = this.mapper.serializationConfig();
		JavaType javaType = this.mapper.constructType(type);
		ClassIntrospector introspector = config.classIntrospectorInstance().forOperation(config);
		BeanDescription description = introspector.introspectForSerialization(javaType,
				introspector.introspectClassAnnotations(javaType));
		return description.findProperties();
	}

}
