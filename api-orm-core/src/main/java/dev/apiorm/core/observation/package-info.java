/**
 * Observations of API exchanges ({@code api.orm.requests}) for Micrometer metrics and
 * tracing.
 */
@NullMarked
package dev.apiorm.core.observation;

import org.jspecify.annotations.NullMarked;
