package dev.apiorm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * The auto-configurations of an {@link ApiOrmTest}: JSON, validation, api-orm's clients
 * and repositories, and the fake API. Listed in
 * {@code META-INF/spring/dev.apiorm.test.AutoConfigureApiOrm.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureApiOrm {

}
