/**
 * The exceptions api-orm raises; all are unchecked and extend
 * {@link dev.apiorm.exception.ApiException}.
 */
@NullMarked
package dev.apiorm.exception;

import org.jspecify.annotations.NullMarked;
