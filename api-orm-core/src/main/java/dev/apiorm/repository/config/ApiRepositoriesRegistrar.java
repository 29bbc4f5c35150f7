package dev.apiorm.repository.config;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

import dev.apiorm.EnableApiRepositories;

/**
 * Registers the repositories that {@link EnableApiRepositories} asks for.
 */
public class ApiRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableApiRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new ApiRepositoryConfigurationExtension();
	}

}
