package dev.apiorm.aot;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.ResolvableType;

import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;

/**
 * Contributes the reflection hints of every model an application's repositories serve:
 * those of its declared repository interfaces and those of the generic
 * {@code ApiRepository<Model>} beans (which no interface names, so Spring Data's own AOT
 * support does not see their models). Jackson binds the models, with their properties'
 * types, reflectively.
 */
public class ApiModelsAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> models = models(beanFactory);
		if (models.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), models);
	}

	/**
	 * Registers the hints of models.
	 * @param hints where to register them
	 * @param models the models
	 */
	static void register(RuntimeHints hints, Set<Class<?>> models) {
		BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
		for (Class<?> model : models) {
			binding.registerReflectionHints(hints.reflection(), model);
			hints.reflection()
				.registerType(model, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS,
						MemberCategory.INVOKE_DECLARED_METHODS);
		}
	}

	/**
	 * The models of the repositories a bean factory defines.
	 * @param beanFactory the bean factory
	 * @return the models, in the order of the beans
	 */
	static Set<Class<?>> models(ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> models = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			ResolvableType type = RegisteredBean.of(beanFactory, name).getBeanType();
			Class<?> resolved = type.resolve();
			if (resolved != null && FactoryBean.class.isAssignableFrom(resolved)) {
				// A repository interface's factory bean: the interface is its object
				// type.
				Class<?> object = beanFactory.getType(name, false);
				type = (object != null) ? ResolvableType.forClass(object) : ResolvableType.NONE;
			}
			add(models, type.as(ApiRepository.class));
			add(models, type.as(ReactiveApiRepository.class));
		}
		return models;
	}

	private static void add(Set<Class<?>> models, ResolvableType repository) {
		Class<?> model = (repository != ResolvableType.NONE) ? repository.getGeneric(0).resolve() : null;
		if (model != null && model != Object.class) {
			models.add(model);
		}
	}

}
