package dev.apiorm.repository.query;

import java.lang.reflect.Method;

import org.reactivestreams.Publisher;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.util.Assert;

import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * Turns every query method of a repository interface into a derived query on the template
 * of the model's client: reactive for reactive repositories and methods that return a
 * {@code Publisher}, blocking otherwise. A method the model or the dialect cannot serve
 * fails start-up.
 */
public class ApiQueryLookupStrategy implements QueryLookupStrategy {

	private final ApiTemplates templates;

	/**
	 * A lookup strategy.
	 * @param templates the templates of every client
	 */
	public ApiQueryLookupStrategy(ApiTemplates templates) {
		Assert.notNull(templates, "templates must not be null");
		this.templates = templates;
	}

	@Override
	public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
			NamedQueries namedQueries) {
		QueryMethod queryMethod = new ApiQueryMethod(method, metadata, factory);
		ApiPersistentEntity<?> entity = this.templates.getEntity(metadata.getDomainType());
		String client = entity.getClientName();
		String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
		boolean reactive = ReactiveRepositories.isReactive(metadata)
				|| Publisher.class.isAssignableFrom(method.getReturnType());
		return reactive
				? new ReactiveApiPartTreeQuery(queryMethod, method.getReturnType(), entity,
						this.templates.getReactive(client), name)
				: new ApiPartTreeQuery(queryMethod, method.getReturnType(), entity, this.templates.getBlocking(client),
						name);
	}

}
