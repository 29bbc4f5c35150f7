package dev.apiorm.repository.support;

import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.Assert;

import dev.apiorm.ApiOrm;

/**
 * The factory bean of one declared api-orm repository interface.
 *
 * @param <R> the repository type
 * @param <T> the model type
 */
public class ApiRepositoryFactoryBean<R extends Repository<T, Object>, T>
		extends RepositoryFactoryBeanSupport<R, T, Object> {

	private @Nullable ApiOrm apiOrm;

	public ApiRepositoryFactoryBean(Class<? extends R> repositoryInterface) {
		super(repositoryInterface);
	}

	/**
	 * The api-orm instance whose clients serve the repository.
	 * @param apiOrm the instance
	 */
	public void setApiOrm(ApiOrm apiOrm) {
		this.apiOrm = apiOrm;
		setMappingContext(apiOrm.mappingContext());
	}

	@Override
	protected RepositoryFactorySupport createRepositoryFactory() {
		Assert.state(this.apiOrm != null, "ApiOrm must be set");
		return new ApiRepositoryFactory(this.apiOrm.templates());
	}

	@Override
	public void afterPropertiesSet() {
		Assert.state(this.apiOrm != null, "ApiOrm must be set");
		super.afterPropertiesSet();
	}

}
