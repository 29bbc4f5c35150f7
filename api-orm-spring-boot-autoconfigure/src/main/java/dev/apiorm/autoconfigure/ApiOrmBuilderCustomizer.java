package dev.apiorm.autoconfigure;

import dev.apiorm.ApiOrmBuilder;

/**
 * Customizes the {@link ApiOrmBuilder} of the auto-configured {@link dev.apiorm.ApiOrm}
 * after the properties are applied; every such bean is called, in order.
 */
@FunctionalInterface
public interface ApiOrmBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(ApiOrmBuilder builder);

}
