/**
 * The engine: {@link dev.apiorm.core.ApiOperations} and its WebClient-backed
 * implementation.
 */
@NullMarked
package dev.apiorm.core;

import org.jspecify.annotations.NullMarked;
