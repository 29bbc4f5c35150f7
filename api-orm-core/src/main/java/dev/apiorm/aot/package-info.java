/**
 * Spring AOT support: the runtime hints a native image of an api-orm application needs
 * beyond those Spring Data contributes for repository interfaces (reflection on the
 * models Jackson binds and on the engine's reflectively made types).
 */
@NullMarked
package dev.apiorm.aot;

import org.jspecify.annotations.NullMarked;
