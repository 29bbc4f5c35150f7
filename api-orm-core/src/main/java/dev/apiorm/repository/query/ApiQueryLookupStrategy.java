package dev.apiorm.repository.query;

import java.lang.reflect.Method;

import org.reactivestreams.Publisher;

import org.springframework.core.KotlinDetector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.core.ReactiveWrappers;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.util.Assert;

import dev.apiorm.ApiQuery;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.mapping.ApiPersistentEntity;

/**
 * Turns every query method of a repository interface into a query, declared by its
 * {@link ApiQuery} or derived from its name, on the template of the model's client:
 * reactive for reactive repositories, methods that return a reactive type ({@code Mono},
 * {@code Flux}, Kotlin's {@code Flow}) and Kotlin {@code suspend} functions (whose
 * {@code Mono} Spring awaits), blocking otherwise. A method the model or the dialect
 * cannot serve fails start-up.
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
		boolean suspending = KotlinDetector.isSuspendingFunction(method);
		boolean reactive = ReactiveRepositories.isReactive(metadata) || suspending
				|| Publisher.class.isAssignableFrom(method.getReturnType())
				|| ReactiveWrappers.supports(method.getReturnType());
		// A suspend function's declared return type is Object: what it returns is the
		// type
		// argument of its Continuation parameter.
		Class<?> returnType = suspending ? metadata.getReturnType(method).getType() : method.getReturnType();
		ApiQuery annotation = AnnotatedElementUtils.findMergedAnnotation(method, ApiQuery.class);
		MethodQuery query = (annotation != null) ? new AnnotatedMethodQuery(annotation, queryMethod, entity, name)
				: new DerivedMethodQuery(queryMethod.getName(), entity, name);
		return reactive
				? new ReactiveApiPartTreeQuery(queryMethod, returnType, query, entity,
						this.templates.getReactive(client), name)
				: new ApiPartTreeQuery(queryMethod, returnType, query, entity, this.templates.getBlocking(client),
						name);
	}

}
