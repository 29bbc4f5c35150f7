package dev.apiorm.autoconfigure;

import java.lang.annotation.Annotation;

import dev.apiorm.EnableApiRepositories;
import dev.apiorm.repository.config.ApiRepositoryConfigurationExtension;

import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers api-orm repositories for the packages of the Spring Boot application, as
 * {@link EnableApiRepositories @EnableApiRepositories} on the application class would.
 */
class ApiRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

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
