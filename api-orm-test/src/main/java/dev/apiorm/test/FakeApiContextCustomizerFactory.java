package dev.apiorm.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the context of each {@link ApiOrmTest} a {@link FakeApi}; registered in
 * {@code META-INF/spring.factories}.
 */
class FakeApiContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		ApiOrmTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, ApiOrmTest.class);
		return (test != null) ? new FakeApiContextCustomizer(List.of(test.seed())) : null;
	}

}
