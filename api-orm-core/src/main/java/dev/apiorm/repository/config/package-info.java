/**
 * Repository bootstrap in the style of Spring Data store modules.
 */
@NullMarked
package dev.apiorm.repository.config;

import org.jspecify.annotations.NullMarked;
