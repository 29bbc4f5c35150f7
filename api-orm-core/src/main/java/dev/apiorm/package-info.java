/**
 * The public API of api-orm: models, repositories, query sets and conditions.
 */
@NullMarked
package dev.apiorm;

import org.jspecify.annotations.NullMarked;
