package dev.apiorm.autoconfigure;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.EnableApiRepositories;
import dev.apiorm.repository.support.ApiRepositoryFactoryBean;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of api-orm repositories: the interfaces extending
 * {@link ApiRepository} or {@code ReactiveApiRepository} in the application's packages,
 * and generic repositories for every {@code @ApiModel} there, as if
 * {@link EnableApiRepositories @EnableApiRepositories} were declared. Backs off when the
 * application declares it itself, and with {@code api-orm.repositories.enabled=false}.
 */
@AutoConfiguration(after = ApiOrmAutoConfiguration.class)
@ConditionalOnClass(ApiRepository.class)
@ConditionalOnBean(ApiOrm.class)
@ConditionalOnMissingBean(ApiRepositoryFactoryBean.class)
@ConditionalOnBooleanProperty(name = "api-orm.repositories.enabled", matchIfMissing = true)
@Import(ApiRepositoriesRegistrar.class)
public final class ApiRepositoriesAutoConfiguration {

}
