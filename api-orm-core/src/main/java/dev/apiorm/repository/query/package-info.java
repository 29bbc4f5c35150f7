/**
 * Derived query methods, created from method names through Spring Data's
 * {@code PartTree}.
 */
@NullMarked
package dev.apiorm.repository.query;

import org.jspecify.annotations.NullMarked;
