package dev.apiorm.autoconfigure;

import java.lang.annotation.Annotation;

import dev.apiorm.EnableApiRepositories;
import dev.apiorm.repository.config.ApiRepositoryConfigurationExtension;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers api-orm repositories for the packages of the Spring Boot application, as
 * {@link EnableApiRepositories @EnableApiRepositories} on the application class would.
 */
class ApiRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry,
			@Nullable BeanNameGenerator generator) {
		// Without an application package (no @SpringBootApplication) there is nothing to
		// scan.
		if (registry instanceof BeanFactory beanFactory && AutoConfigurationPackages.has(beanFactory)) {
			super.registerBeanDefinitions(metadata, registry, generator);
		}
	}

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableApiRepositories.class;
	}

	@Override
	protected Class<?> getConfiguration() {
		return EnableApiRepositoriesConfiguration.class;
	}

	@Override
	protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
		return new ApiRepositoryConfigurationExtension();
	}

	@EnableApiRepositories
	private static final class EnableApiRepositoriesConfiguration {

	}

}
