package dev.apiorm.repository.support;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.util.Assert;

import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.repository.query.ApiQueryLookupStrategy;
import dev.apiorm.repository.query.ReactiveRepositories;

/**
 * Creates the proxies of declared repository interfaces on the templates of the models'
 * clients: blocking ones backed by {@link SimpleApiRepository}, reactive ones by
 * {@link SimpleReactiveApiRepository} (or the configured {@code repositoryBaseClass},
 * created through its constructor of the same two parameters), derived query methods by
 * {@link ApiQueryLookupStrategy}.
 */
public class ApiRepositoryFactory extends RepositoryFactorySupport {

	private final ApiTemplates templates;

	/**
	 * A factory.
	 * @param templates the templates of every client
	 */
	public ApiRepositoryFactory(ApiTemplates templates) {
		Assert.notNull(templates, "templates must not be null");
		this.templates = templates;
		addRepositoryProxyPostProcessor(QuerySetMethodInterceptor.POST_PROCESSOR);
	}

	@Override
	public ApiEntityInformation<?> getEntityInformation(RepositoryMetadata metadata) {
		return new ApiEntityInformation<>(this.templates.getEntity(metadata.getDomainType()));
	}

	@Override
	protected Object getTargetRepository(RepositoryInformation information) {
		ApiEntityInformation<?> entityInformation = getEntityInformation(information);
		ApiPersistentEntity<?> entity = entityInformation.getPersistentEntity();
		Object operations = isReactive(information) ? this.templates.getReactive(entity.getClientName())
				: this.templates.getBlocking(entity.getClientName());
		return getTargetRepositoryViaReflection(information, entityInformation, operations);
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return isReactive(metadata) ? SimpleReactiveApiRepository.class : SimpleApiRepository.class;
	}

	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.@Nullable Key key,
			ValueExpressionDelegate valueExpressionDelegate) {
		return Optional.of(new ApiQueryLookupStrategy(this.templates));
	}

	private static boolean isReactive(RepositoryMetadata metadata) {
		return ReactiveRepositories.isReactive(metadata);
	}

}
