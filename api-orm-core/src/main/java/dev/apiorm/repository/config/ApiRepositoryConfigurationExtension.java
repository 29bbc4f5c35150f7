package dev.apiorm.repository.config;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfiguration;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;
import org.springframework.data.repository.config.RepositoryConfigurationSource;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.util.ClassUtils;

import dev.apiorm.ApiModel;
import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.repository.support.ApiRepositoryFactoryBean;

/**
 * Configures api-orm repositories the way Spring Data store modules do: interfaces that
 * extend {@link ApiRepository} or {@link ReactiveApiRepository} (or whose model is an
 * {@link ApiModel}) are api-orm's, so api-orm coexists with JPA or MongoDB repositories.
 * Every model found also gets generic {@code ApiRepository<Model>} and
 * {@code ReactiveApiRepository<Model>} beans.
 */
public class ApiRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

	private static final String DEFAULT_API_ORM_REF = "apiOrm";

	@Override
	public String getModuleName() {
		return "api-orm";
	}

	@Override
	protected String getModulePrefix() {
		return "api-orm";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return ApiRepositoryFactoryBean.class.getName();
	}

	@Override
	protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
		return List.of(ApiModel.class);
	}

	@Override
	protected Collection<Class<?>> getIdentifyingTypes() {
		return List.of(ApiRepository.class, ReactiveApiRepository.class);
	}

	/**
	 * api-orm serves blocking and reactive repositories alike: both run on one reactive
	 * engine.
	 */
	@Override
	protected boolean useRepositoryConfiguration(RepositoryMetadata metadata) {
		return true;
	}

	@Override
	public void postProcess(BeanDefinitionBuilder builder, RepositoryConfigurationSource source) {
		builder.addPropertyReference("apiOrm", apiOrmRef(source));
	}

	@Override
	public void registerBeansForRoot(BeanDefinitionRegistry registry, RepositoryConfigurationSource source) {
		super.registerBeansForRoot(registry, source);
		if (source instanceof AnnotationRepositoryConfigurationSource annotationSource
				&& !annotationSource.getAttributes().getBoolean("registerModelRepositories")) {
			return;
		}
		ClassLoader classLoader = getClass().getClassLoader();
		Set<String> declaredBlocking = new HashSet<>();
		Set<String> declaredReactive = new HashSet<>();
		for (RepositoryConfiguration<?> configuration : getRepositoryConfigurations(source,
				new DefaultResourceLoader(classLoader), true)) {
			Class<?> repositoryInterface = ClassUtils.resolveClassName(configuration.getRepositoryInterface(),
					classLoader);
			ResolvableType reactive = ResolvableType.forClass(repositoryInterface).as(ReactiveApiRepository.class);
			ResolvableType blocking = ResolvableType.forClass(repositoryInterface).as(ApiRepository.class);
			Class<?> reactiveModel = reactive.getGeneric(0).resolve();
			if (reactive != ResolvableType.NONE && reactiveModel != null) {
				declaredReactive.add(reactiveModel.getName());
			}
			Class<?> blockingModel = blocking.getGeneric(0).resolve();
			if (blocking != ResolvableType.NONE && blockingModel != null) {
				declaredBlocking.add(blockingModel.getName());
			}
		}
		String apiOrmRef = apiOrmRef(source);
		for (Class<?> model : findModels(source, classLoader)) {
			register(registry, apiOrmRef, model, ApiRepository.class, "repository",
					declaredBlocking.contains(model.getName()));
			register(registry, apiOrmRef, model, ReactiveApiRepository.class, "reactiveRepository",
					declaredReactive.contains(model.getName()));
		}
	}

	/**
	 * Registers the generic repository of a model. Where the application declares
	 * interfaces for the model too, the generic one is primary: injecting
	 * {@code ApiRepository<Model>} then stays unambiguous however many interfaces extend
	 * it, while each declared interface is still injected by its own type.
	 */
	private static void register(BeanDefinitionRegistry registry, String apiOrmRef, Class<?> model,
			Class<?> repositoryType, String factoryMethod, boolean declared) {
		String beanName = ClassUtils.getShortNameAsProperty(model) + repositoryType.getSimpleName();
		if (registry.containsBeanDefinition(beanName)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setFactoryBeanName(apiOrmRef);
		definition.setFactoryMethodName(factoryMethod);
		definition.getConstructorArgumentValues().addGenericArgumentValue(model);
		definition.setTargetType(ResolvableType.forClassWithGenerics(repositoryType, model));
		definition.setRole(BeanDefinition.ROLE_APPLICATION);
		definition.setPrimary(declared);
		registry.registerBeanDefinition(beanName, definition);
	}

	private static Set<Class<?>> findModels(RepositoryConfigurationSource source, ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ApiModel.class));
		Set<Class<?>> models = new java.util.LinkedHashSet<>();
		for (String basePackage : source.getBasePackages()) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (className != null) {
					models.add(ClassUtils.resolveClassName(className, classLoader));
				}
			}
		}
		return models;
	}

	private static String apiOrmRef(RepositoryConfigurationSource source) {
		return source.getAttribute("apiOrmRef").orElse(DEFAULT_API_ORM_REF);
	}

}
