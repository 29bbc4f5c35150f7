/**
 * JMH benchmarks of api-orm's engine.
 */
@NullMarked
package dev.apiorm.benchmarks;

import org.jspecify.annotations.NullMarked;
