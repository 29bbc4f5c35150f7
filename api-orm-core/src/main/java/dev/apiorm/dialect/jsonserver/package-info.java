/**
 * The dialect of json-server.
 */
@NullMarked
package dev.apiorm.dialect.jsonserver;

import org.jspecify.annotations.NullMarked;
