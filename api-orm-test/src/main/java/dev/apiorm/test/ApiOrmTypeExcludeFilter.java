package dev.apiorm.test;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Leaves the application's components out of an {@link ApiOrmTest}, as Boot's other
 * slices do; repositories are found by api-orm's own scanning.
 */
final class ApiOrmTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ApiOrmTest> {

	ApiOrmTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

}
