/**
 * Model metadata read once from {@link dev.apiorm.ApiModel} and the Jackson mapping.
 */
@NullMarked
package dev.apiorm.core.mapping;

import org.jspecify.annotations.NullMarked;
