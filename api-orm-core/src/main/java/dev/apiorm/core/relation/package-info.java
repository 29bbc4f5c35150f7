/**
 * Relations between models: the related records of a page fetched in batches (the
 * {@code select_related} / {@code prefetch_related} page stage) and the explicit, cached
 * fetch of one instance's related records.
 */
@NullMarked
package dev.apiorm.core.relation;

import org.jspecify.annotations.NullMarked;
