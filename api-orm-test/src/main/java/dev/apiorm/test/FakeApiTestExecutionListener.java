package dev.apiorm.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Empties and seeds the fake API before each test method of an {@link ApiOrmTest}, so
 * that no test sees another's records; registered in {@code META-INF/spring.factories}.
 */
class FakeApiTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// After dependency injection, before the test's own @BeforeEach methods.
		return 2500;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(FakeApiSeeder.class).ifAvailable(FakeApiSeeder::reseed);
		}
	}

}
