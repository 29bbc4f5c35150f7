/**
 * The dialect SPI: how a query becomes a request and a response becomes records and
 * pages.
 */
@NullMarked
package dev.apiorm.dialect;

import org.jspecify.annotations.NullMarked;
