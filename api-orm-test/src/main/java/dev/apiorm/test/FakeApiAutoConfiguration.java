package dev.apiorm.test;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import dev.apiorm.autoconfigure.ApiOrmAutoConfiguration;
import dev.apiorm.autoconfigure.ApiOrmProperties;
import dev.apiorm.core.mapping.ApiMappingContext;

/**
 * Connects the {@link FakeApi} of an {@link ApiOrmTest} to the context's models and the
 * {@code drf} dialect's negation suffix, and prepares its seeding.
 */
@AutoConfiguration(after = ApiOrmAutoConfiguration.class)
@ConditionalOnBean(FakeApi.class)
public final class FakeApiAutoConfiguration {

	@Bean
	FakeApiSeeder fakeApiSeeder(FakeApi api, ApiMappingContext mappingContext, ApiOrmProperties properties,
			Environment environment, ResourceLoader resourceLoader, ObjectProvider<ApiOrmTestData> data) {
		api.useModels(mappingContext);
		api.negationSuffix(properties.getDrf().getNegationSuffix());
		List<String> seeds = Binder.get(environment)
			.bind(FakeApiContextCustomizer.SEED_PROPERTY, Bindable.listOf(String.class))
			.orElse(List.of());
		return new FakeApiSeeder(api, seeds, resourceLoader, data);
	}

}
