package dev.apiorm.repository.config;

import java.lang.annotation.Annotation;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ObjectFactoryCreatingFactoryBean;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.auditing.IsNewAwareAuditingHandler;
import org.springframework.data.auditing.config.AuditingBeanDefinitionRegistrarSupport;
import org.springframework.data.auditing.config.AuditingConfiguration;

import dev.apiorm.ApiOrm;
import dev.apiorm.EnableApiOrmAuditing;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.repository.support.AuditingSaveCallback;

/**
 * Registers the beans of {@link EnableApiOrmAuditing}, as Spring Data's stores do: an
 * {@link IsNewAwareAuditingHandler} on api-orm's mapping context, configured from the
 * annotation, and the {@link AuditingSaveCallback} that applies it before every write.
 */
public class ApiOrmAuditingRegistrar extends AuditingBeanDefinitionRegistrarSupport {

	static final String HANDLER_BEAN_NAME = "apiOrmAuditingHandler";

	/** The api-orm instance, as repositories refer to it by default. */
	private static final String API_ORM_BEAN_NAME = "apiOrm";

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableApiOrmAuditing.class;
	}

	@Override
	protected String getAuditingHandlerBeanName() {
		return HANDLER_BEAN_NAME;
	}

	@Override
	protected BeanDefinitionBuilder getAuditHandlerBeanDefinitionBuilder(AuditingConfiguration configuration) {
		BeanDefinitionBuilder handler = BeanDefinitionBuilder
			.rootBeanDefinition(ApiOrmAuditingRegistrar.class, "handler")
			.addConstructorArgReference(API_ORM_BEAN_NAME);
		return configureDefaultAuditHandlerAttributes(configuration, handler);
	}

	@Override
	protected void registerAuditListenerBeanDefinition(BeanDefinition auditingHandlerDefinition,
			BeanDefinitionRegistry registry) {
		// Lazily: the callbacks are discovered while api-orm is built, and the handler
		// needs it.
		BeanDefinitionBuilder handler = BeanDefinitionBuilder.rootBeanDefinition(ObjectFactoryCreatingFactoryBean.class)
			.addPropertyValue("targetBeanName", HANDLER_BEAN_NAME);
		BeanDefinitionBuilder callback = BeanDefinitionBuilder.rootBeanDefinition(AuditingSaveCallback.class)
			.addConstructorArgValue(handler.getBeanDefinition());
		registerInfrastructureBeanWithId(callback.getBeanDefinition(), AuditingSaveCallback.class.getName(), registry);
	}

	/**
	 * The auditing handler of api-orm's models (the factory method of its bean: api-orm's
	 * own mapping context, even beside other Spring Data stores).
	 * @param apiOrm the api-orm instance
	 * @return the handler
	 */
	public static IsNewAwareAuditingHandler handler(ApiOrm apiOrm) {
		return handler(apiOrm.mappingContext());
	}

	/**
	 * The auditing handler of the models of a mapping context, for use without Spring
	 * Boot ({@code ApiOrm.builder().entityCallbacks(...)}).
	 * @param mappingContext the mapping context
	 * @return the handler
	 */
	public static IsNewAwareAuditingHandler handler(ApiMappingContext mappingContext) {
		return IsNewAwareAuditingHandler.from(mappingContext);
	}

}
