package dev.apiorm.repository.support;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.util.Assert;

import dev.apiorm.ApiOrm;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.core.mapping.ModelMetadata;
import dev.apiorm.repository.query.ApiQueryLookupStrategy;

/**
 * Creates the proxies of declared repository interfaces: blocking ones backed by
 * {@link SimpleApiRepository}, reactive ones by {@link SimpleReactiveApiRepository},
 * derived query methods by {@link ApiQueryLookupStrategy}.
 */
public class ApiRepositoryFactory extends RepositoryFactorySupport {

	private final ApiOrm apiOrm;

	public ApiRepositoryFactory(ApiOrm apiOrm) {
		Assert.notNull(apiOrm, "apiOrm must not be null");
		this.apiOrm = apiOrm;
		addRepositoryProxyPostProcessor(QuerySetMethodInterceptor.POST_PROCESSOR);
	}

	@Override
	public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
		return new ApiEntityInformation<>(this.apiOrm.model(metadata.getDomainType()));
	}

	@Override
	protected Object getTargetRepository(RepositoryInformation information) {
		ModelMetadata<?> model = this.apiOrm.model(information.getDomainType());
		return isReactive(information) ? reactive(model) : blocking(model);
	}

	private <T> SimpleReactiveApiRepository<T> reactive(ModelMetadata<T> model) {
		return new SimpleReactiveApiRepository<>(model, this.apiOrm.operations(model.clientName()),
				this.apiOrm.validator());
	}

	private <T> SimpleApiRepository<T> blocking(ModelMetadata<T> model) {
		return new SimpleApiRepository<>(model, this.apiOrm.operations(model.clientName()), this.apiOrm.validator());
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return isReactive(metadata) ? SimpleReactiveApiRepository.class : SimpleApiRepository.class;
	}

	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.@Nullable Key key,
			ValueExpressionDelegate valueExpressionDelegate) {
		return Optional.of(new ApiQueryLookupStrategy(this.apiOrm));
	}

	private static boolean isReactive(RepositoryMetadata metadata) {
		return ReactiveApiRepository.class.isAssignableFrom(metadata.getRepositoryInterface());
	}

}
