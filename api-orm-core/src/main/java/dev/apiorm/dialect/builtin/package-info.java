/**
 * The built-in dialects, listed once: which there are, the settings they take, and which
 * instance each client gets. Neither the dialect SPI nor a dialect depends on this
 * package.
 */
@NullMarked
package dev.apiorm.dialect.builtin;

import org.jspecify.annotations.NullMarked;
