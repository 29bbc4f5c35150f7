package dev.apiorm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

import dev.apiorm.repository.config.ApiOrmAuditingRegistrar;

/**
 * Turns on Spring Data auditing for api-orm models, as {@code @EnableJpaAuditing} does
 * for JPA: {@code @CreatedDate}, {@code @LastModifiedDate}, {@code @CreatedBy} and
 * {@code @LastModifiedBy} are filled in before every create and save (new or not as
 * Spring Data decides: {@code @Version}, then the id), from an {@code AuditorAware} bean
 * for the {@code By} fields. The auditor is asked on the thread that subscribes to the
 * write: the caller's thread for the blocking repositories.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(ApiOrmAuditingRegistrar.class)
public @interface EnableApiOrmAuditing {

	/**
	 * The name of the {@code AuditorAware} bean for {@code @CreatedBy} and
	 * {@code @LastModifiedBy}; empty for the single one in the context, if any.
	 * @return the bean name
	 */
	String auditorAwareRef() default "";

	/**
	 * Whether the dates are set.
	 * @return {@code true} by default
	 */
	boolean setDates() default true;

	/**
	 * Whether the last-modified fields are set when a record is created too.
	 * @return {@code true} by default
	 */
	boolean modifyOnCreate() default true;

	/**
	 * The name of the {@code DateTimeProvider} bean for the dates; empty for the current
	 * time.
	 * @return the bean name
	 */
	String dateTimeProviderRef() default "";

}
