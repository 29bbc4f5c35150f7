/**
 * Proofs that an API honours the parameters of a query, for the answers that records
 * alone cannot check: an empty answer, and a count.
 */
@NullMarked
package dev.apiorm.core.proof;

import org.jspecify.annotations.NullMarked;
