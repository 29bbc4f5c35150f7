/**
 * Spring Boot auto-configuration of api-orm: properties, clients, repositories and
 * health, one {@code @AutoConfiguration} per concern.
 */
@NullMarked
package dev.apiorm.autoconfigure;

import org.jspecify.annotations.NullMarked;
