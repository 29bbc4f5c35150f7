package dev.apiorm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of code that uses api-orm, without a server: like {@code @DataMongoTest} or
 * {@code @RestClientTest}, only api-orm's auto-configuration starts, with the
 * application's models and repositories, and {@code api-orm.base-url} points at a
 * {@link FakeApi} that the test can inject, seed and inspect. The fake is emptied and
 * seeded again (from {@link #seed()} and {@link ApiOrmTestData} beans) before each test
 * method. Services under test are added with {@code @Import}.
 *
 * <pre class="code">
 * &#64;ApiOrmTest(seed = "classpath:users.json")
 * &#64;Import(SignupService.class)
 * class SignupServiceTests {
 *     &#64;Autowired SignupService signups;
 *     &#64;Autowired FakeApi api;
 *     ...
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ApiOrmTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ApiOrmTypeExcludeFilter.class)
@AutoConfigureApiOrm
@ImportAutoConfiguration
public @interface ApiOrmTest {

	/**
	 * Properties in {@code key=value} form added to the environment before the test runs.
	 * @return the properties
	 */
	String[] properties() default {};

	/**
	 * JSON resources the fake API is seeded from before each test: an object of endpoints
	 * ({@code "/api/v1/users/"}) to arrays of records as the API sends them.
	 * @return the resource locations, such as {@code classpath:users.json}
	 */
	String[] seed() default {};

	/**
	 * Whether the application's {@code @Component} classes are left out (the default), as
	 * in Boot's other test slices.
	 * @return {@code true} to use the default filters
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Auto-configurations to leave out.
	 * @return the classes
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
