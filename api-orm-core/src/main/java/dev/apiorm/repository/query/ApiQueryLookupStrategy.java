package dev.apiorm.repository.query;

import java.lang.reflect.Method;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.mapping.ModelMetadata;

/**
 * Turns every query method of a repository interface into a {@link PartTreeApiQuery},
 * failing at start-up for a method the model or the dialect cannot serve.
 */
public class ApiQueryLookupStrategy implements QueryLookupStrategy {

	private final ApiOrm apiOrm;

	public ApiQueryLookupStrategy(ApiOrm apiOrm) {
		this.apiOrm = apiOrm;
	}

	@Override
	public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
			NamedQueries namedQueries) {
		QueryMethod queryMethod = new QueryMethod(method, metadata, factory);
		ModelMetadata<?> model = this.apiOrm.model(metadata.getDomainType());
		return new PartTreeApiQuery(queryMethod, method, model, this.apiOrm.operations(model.clientName()));
	}

}
