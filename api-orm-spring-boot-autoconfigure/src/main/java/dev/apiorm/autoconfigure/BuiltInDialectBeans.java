package dev.apiorm.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.dialect.Dialect;
import dev.apiorm.dialect.builtin.BuiltInDialects;

/**
 * Registers one bean per built-in dialect of {@link BuiltInDialects#ALL}
 * ({@code drfDialect}, {@code springPageDialect}, ...), each made from the settings of
 * {@code api-orm.*} and each backing off, as {@code @ConditionalOnMissingBean} would,
 * when the application declares a bean of its class. The list of built-in dialects is not
 * repeated here.
 */
class BuiltInDialectBeans implements ImportBeanDefinitionRegistrar {

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		for (BuiltInDialects.BuiltIn<?> builtIn : BuiltInDialects.ALL) {
			register(builtIn, registry);
		}
	}

	private static <D extends Dialect> void register(BuiltInDialects.BuiltIn<D> builtIn,
			BeanDefinitionRegistry registry) {
		Assert.isInstanceOf(ListableBeanFactory.class, registry, "the registry must be a bean factory");
		ListableBeanFactory beans = (ListableBeanFactory) registry;
		String name = StringUtils.uncapitalize(builtIn.type().getSimpleName());
		if (registry.containsBeanDefinition(name)
				|| beans.getBeanNamesForType(builtIn.type(), true, false).length > 0) {
			return;
		}
		registry.registerBeanDefinition(name, new RootBeanDefinition(builtIn.type(), () -> create(builtIn, beans)));
	}

	private static <D extends Dialect> D create(BuiltInDialects.BuiltIn<D> builtIn, BeanFactory beans) {
		ApiMappingContext mappingContext = beans.getBean(ApiMappingContext.class);
		ApiClientSettingsFactory settings = beans.getBean(ApiClientSettingsFactory.class);
		return builtIn.create(mappingContext.getJsonMapper(), settings.rootDialect(), "api-orm.");
	}

}
