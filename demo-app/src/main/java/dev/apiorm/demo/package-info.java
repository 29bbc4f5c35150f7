/**
 * The api-orm demo: models, repositories, a start-up walk-through and a WebFlux API.
 */
@NullMarked
package dev.apiorm.demo;

import org.jspecify.annotations.NullMarked;
