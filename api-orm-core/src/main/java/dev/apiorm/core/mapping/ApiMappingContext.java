package dev.apiorm.core.mapping;

import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.context.AbstractMappingContext;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import dev.apiorm.ApiModel;
import dev.apiorm.exception.ConfigurationException;

/**
 * The Spring Data mapping context of api-orm models: one {@link ApiPersistentEntity} per
 * {@link ApiModel}, read and checked once, with property accessors that are generated
 * classes and JSON readers prepared from the application's {@link JsonMapper}.
 */
public class ApiMappingContext extends AbstractMappingContext<ApiPersistentEntity<?>, ApiPersistentProperty> {

	private static final String KOTLIN_MODULE = "tools.jackson.module.kotlin.KotlinModule";

	private final JsonMapper jsonMapper;

	private final ConversionService conversionService = DefaultConversionService.getSharedInstance();

	private final ReferenceStubs referenceStubs = new ReferenceStubs();

	/**
	 * A mapping context with a plain {@link JsonMapper}.
	 */
	public ApiMappingContext() {
		this(JsonMapper.builder().build());
	}

	/**
	 * A mapping context whose entities read and write JSON with a mapper; unknown
	 * properties in responses are always tolerated, and Jackson's Kotlin module
	 * ({@code tools.jackson.module:jackson-module-kotlin}) is added when it is on the
	 * class path and the mapper lacks it, so that Kotlin data classes are read through
	 * their constructors.
	 * @param jsonMapper the mapper, such as Boot's
	 */
	public ApiMappingContext(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		JsonMapper.Builder builder = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		builder.addModule(new ReferenceModule(this::getRequiredEntity, this.referenceStubs));
		this.jsonMapper = (hasKotlinModule(jsonMapper) ? builder : builder.addModules(kotlinModule())).build();
	}

	/**
	 * Whether the mapper can read Kotlin classes through their constructors, or needs
	 * nothing for it: Kotlin's Jackson module is not on the class path.
	 */
	private static boolean hasKotlinModule(JsonMapper mapper) {
		if (!ClassUtils.isPresent(KOTLIN_MODULE, ApiMappingContext.class.getClassLoader())) {
			return true;
		}
		for (JacksonModule registered : mapper.registeredModules()) {
			if (registered.getClass().getName().equals(KOTLIN_MODULE)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Kotlin's Jackson module as its jar registers it for {@code findAndAddModules}.
	 */
	private static List<JacksonModule> kotlinModule() {
		return MapperBuilder.findModules(ApiMappingContext.class.getClassLoader())
			.stream()
			.filter((module) -> module.getClass().getName().equals(KOTLIN_MODULE))
			.toList();
	}

	/**
	 * The JSON mapper of the entities.
	 * @return the mapper
	 */
	public JsonMapper getJsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * The related records read by their id alone, as the models' relations hold them
	 * until they are resolved.
	 * @return the stubs
	 */
	public ReferenceStubs getReferenceStubs() {
		return this.referenceStubs;
	}

	/**
	 * The entity of a model class, read on first use.
	 * @param type the model class
	 * @param <T> the model type
	 * @return the entity
	 * @throws ConfigurationException when the class is not a valid {@link ApiModel}
	 */
	@SuppressWarnings("unchecked")
	public <T> ApiPersistentEntity<T> getRequiredEntity(Class<T> type) {
		Assert.notNull(type, "type must not be null");
		if (!type.isAnnotationPresent(ApiModel.class)) {
			throw new ConfigurationException(type.getName() + " is not annotated with @ApiModel");
		}
		return (ApiPersistentEntity<T>) getRequiredPersistentEntity(type);
	}

	@Override
	protected <T> ApiPersistentEntity<?> createPersistentEntity(TypeInformation<T> typeInformation) {
		return new ApiPersistentEntity<>(typeInformation, this.jsonMapper, this.conversionService,
				this::getRequiredEntity, this.referenceStubs);
	}

	@Override
	protected ApiPersistentProperty createPersistentProperty(Property property, ApiPersistentEntity<?> owner,
			SimpleTypeHolder simpleTypeHolder) {
		return new ApiPersistentProperty(property, owner, simpleTypeHolder);
	}

	@Override
	protected boolean shouldCreatePersistentEntityFor(TypeInformation<?> type) {
		return type.getType().isAnnotationPresent(ApiModel.class);
	}

}
