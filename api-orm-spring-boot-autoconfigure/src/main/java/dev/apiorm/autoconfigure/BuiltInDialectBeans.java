package dev.apiorm.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
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
 * repeated here. Each bean is made by the static factory method {@link #create}, named in
 * the bean definition (not an instance supplier), so that Spring AOT can write the
 * definitions out ({@code process-aot}).
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
		RootBeanDefinition definition = new RootBeanDefinition(BuiltInDialectBeans.class);
		definition.setFactoryMethodName("create");
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, builtIn.name());
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		definition.setTargetType(builtIn.type());
		registry.registerBeanDefinition(name, definition);
	}

	/**
	 * Makes a built-in dialect from the settings of {@code api-orm.*}.
	 * @param name the dialect's name
	 * @param mappingContext the models, on the JSON mapper the dialect reads with
	 * @param settings the settings of {@code api-orm.*}
	 * @return the dialect
	 */
	static Dialect create(String name, ApiMappingContext mappingContext, ApiClientSettingsFactory settings) {
		BuiltInDialects.BuiltIn<?> builtIn = BuiltInDialects.named(name);
		Assert.state(builtIn != null, () -> "No built-in dialect named " + name);
		return builtIn.create(mappingContext.getJsonMapper(), settings.rootDialect(), "api-orm.");
	}

}
