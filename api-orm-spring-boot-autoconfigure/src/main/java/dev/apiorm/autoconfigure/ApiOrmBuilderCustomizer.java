package dev.apiorm.autoconfigure;

import dev.apiorm.ApiOrm;

/**
 * Customizes the {@link ApiOrm.Builder} of the auto-configured {@link ApiOrm} after the
 * properties are applied; every such bean is called, in order.
 */
@FunctionalInterface
public interface ApiOrmBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(ApiOrm.Builder builder);

}
