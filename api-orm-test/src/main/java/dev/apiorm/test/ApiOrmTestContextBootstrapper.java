package dev.apiorm.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Bootstraps an {@link ApiOrmTest}: its {@code properties} join the environment.
 */
class ApiOrmTestContextBootstrapper extends TestSliceTestContextBootstrapper<ApiOrmTest> {

}
