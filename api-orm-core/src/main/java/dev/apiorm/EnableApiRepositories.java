package dev.apiorm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;

import dev.apiorm.repository.config.ApiRepositoriesRegistrar;
import dev.apiorm.repository.support.ApiRepositoryFactoryBean;

/**
 * Scans packages for {@link ApiRepository} and {@link ReactiveApiRepository} interfaces
 * and {@link ApiModel} classes, and registers a repository bean for each. Spring Boot
 * does this for the application's packages without the annotation; declare it to choose
 * the packages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(ApiRepositoriesRegistrar.class)
public @interface EnableApiRepositories {

	/**
	 * Alias for {@link #basePackages()}.
	 * @return the packages
	 */
	String[] value() default {};

	/**
	 * The packages to scan for repositories and models.
	 * @return the packages
	 */
	String[] basePackages() default {};

	/**
	 * Classes whose packages are scanned.
	 * @return the classes
	 */
	Class<?>[] basePackageClasses() default {};

	/**
	 * Only interfaces that match these filters become repositories.
	 * @return the filters
	 */
	Filter[] includeFilters() default {};

	/**
	 * Interfaces that match these filters are left out.
	 * @return the filters
	 */
	Filter[] excludeFilters() default {};

	/**
	 * The postfix of custom implementation classes.
	 * @return the postfix
	 */
	String repositoryImplementationPostfix() default "Impl";

	/**
	 * Where named queries are (not used by api-orm).
	 * @return the location
	 */
	String namedQueriesLocation() default "";

	/**
	 * How query methods are resolved; api-orm always derives them from the method name.
	 * @return the strategy key
	 */
	QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

	/**
	 * The factory bean class of each repository.
	 * @return the class
	 */
	Class<?> repositoryFactoryBeanClass() default ApiRepositoryFactoryBean.class;

	/**
	 * The base class of repositories.
	 * @return the class
	 */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/**
	 * Whether nested repository interfaces are found too.
	 * @return {@code true} to find them
	 */
	boolean considerNestedRepositories() default false;

	/**
	 * When repositories are created.
	 * @return the bootstrap mode
	 */
	BootstrapMode bootstrapMode() default BootstrapMode.DEFAULT;

	/**
	 * The name of the {@link ApiOrm} bean that serves the repositories.
	 * @return the bean name
	 */
	String apiOrmRef() default "apiOrm";

	/**
	 * Whether every {@link ApiModel} found without a declared repository interface gets
	 * an injectable {@code ApiRepository<Model>} and
	 * {@code ReactiveApiRepository<Model>}.
	 * @return {@code true} to register them
	 */
	boolean registerModelRepositories() default true;

}
