/**
 * The dialect of JSON:API 1.1 servers.
 */
@NullMarked
package dev.apiorm.dialect.jsonapi;

import org.jspecify.annotations.NullMarked;
