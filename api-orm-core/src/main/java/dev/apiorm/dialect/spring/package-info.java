/**
 * The dialects of Spring servers: Spring Data REST (HAL) and controllers returning Spring
 * Data's {@code Page} or {@code PagedModel}.
 */
@NullMarked
package dev.apiorm.dialect.spring;

import org.jspecify.annotations.NullMarked;
