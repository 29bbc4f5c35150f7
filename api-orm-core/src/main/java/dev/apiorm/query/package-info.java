/**
 * The query model: conditions, ordering and windows, independent of any wire format.
 */
@NullMarked
package dev.apiorm.query;

import org.jspecify.annotations.NullMarked;
