package dev.apiorm.repository.query;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryMethod;

import dev.apiorm.PrefetchRelated;

/**
 * A derived query method with what api-orm reads of its annotations: the relations it
 * fetches with its pages ({@link PrefetchRelated}).
 */
final class ApiQueryMethod extends QueryMethod {

	private final List<String> related;

	ApiQueryMethod(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
		super(method, metadata, factory);
		PrefetchRelated prefetch = method.getAnnotation(PrefetchRelated.class);
		this.related = (prefetch != null) ? List.of(prefetch.value()) : List.of();
	}

	/**
	 * The relation paths whose records the method fetches with its pages.
	 * @return the paths, empty for none
	 */
	List<String> related() {
		return this.related;
	}

}
