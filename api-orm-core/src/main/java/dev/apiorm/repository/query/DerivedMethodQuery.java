package dev.apiorm.repository.query;

import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.parser.PartTree;

import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.query.QueryDefinition;

/**
 * The query of a method derived from its name by Spring Data's {@link PartTree}.
 */
final class DerivedMethodQuery implements MethodQuery {

	private final PartTree tree;

	private final ApiPersistentEntity<?> entity;

	private final String name;

	DerivedMethodQuery(String methodName, ApiPersistentEntity<?> entity, String name) {
		this.entity = entity;
		this.name = name;
		try {
			this.tree = new PartTree(methodName, entity.getType());
		}
		catch (RuntimeException ex) {
			throw new ConfigurationException(
					name + " is not a valid derived query for " + entity.getModelName() + ": " + ex.getMessage(), ex);
		}
		if (this.tree.isDelete()) {
			throw new ConfigurationException(name + ": derived delete queries are not supported; use delete()");
		}
	}

	@Override
	public QueryDefinition template() {
		return new ApiQueryCreator(this.tree, this.entity, this.name).createQuery();
	}

	@Override
	public QueryDefinition create(ParametersParameterAccessor accessor) {
		return new ApiQueryCreator(this.tree, accessor, this.entity, this.name).createQuery(accessor.getSort());
	}

	@Override
	public boolean isCount() {
		return this.tree.isCountProjection();
	}

	@Override
	public boolean isExists() {
		return this.tree.isExistsProjection();
	}

	@Override
	public @Nullable Integer maxResults() {
		return this.tree.getMaxResults();
	}

	@Override
	public String describe() {
		return this.tree.toString();
	}

}
