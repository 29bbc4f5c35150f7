/**
 * The dialect of OData v4 services.
 */
@NullMarked
package dev.apiorm.dialect.odata;

import org.jspecify.annotations.NullMarked;
