package dev.apiorm.autoconfigure.app;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Makes this package the application's package, as {@code @SpringBootApplication} would.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class AppPackage {

}
