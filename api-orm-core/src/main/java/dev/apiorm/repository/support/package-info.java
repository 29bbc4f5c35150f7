/**
 * Repository base classes, query sets and the repository factory.
 */
@NullMarked
package dev.apiorm.repository.support;

import org.jspecify.annotations.NullMarked;
