package dev.apiorm.repository.support;

import dev.apiorm.ReactiveQuerySet;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.support.RepositoryProxyPostProcessor;

/**
 * Calls the methods that return a {@link ReactiveQuerySet} ({@code all()},
 * {@code filter(...)}, ...) on the repository directly. Spring Data wraps every
 * {@code Publisher} a repository method returns into a {@code Flux}, which would turn the
 * query set into something that is not one.
 */
final class QuerySetMethodInterceptor implements MethodInterceptor {

	static final RepositoryProxyPostProcessor POST_PROCESSOR = new RepositoryProxyPostProcessor() {
		@Override
		public void postProcess(ProxyFactory factory, RepositoryInformation repositoryInformation) {
			factory.addAdvice(new QuerySetMethodInterceptor());
		}
	};

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (ReactiveQuerySet.class.isAssignableFrom(invocation.getMethod().getReturnType())
				&& invocation.getThis() != null) {
			return AopUtils.invokeJoinpointUsingReflection(invocation.getThis(), invocation.getMethod(),
					invocation.getArguments());
		}
		return invocation.proceed();
	}

}
