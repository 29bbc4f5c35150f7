/**
 * The API's OpenAPI 3 document, and the checks of models, derived queries and filters
 * against it.
 */
@NullMarked
package dev.apiorm.schema;

import org.jspecify.annotations.NullMarked;
