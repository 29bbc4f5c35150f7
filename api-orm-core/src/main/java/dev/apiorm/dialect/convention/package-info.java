/**
 * A dialect described by properties instead of Java: where a server's list answer holds
 * its records, total and next page, how it pages, sorts and filters, and how it saves
 * ({@link dev.apiorm.dialect.convention.ConventionDescription}), made once into an
 * ordinary {@link dev.apiorm.dialect.Dialect}
 * ({@link dev.apiorm.dialect.convention.ConventionDialect}), with named presets for the
 * servers it was tried against ({@link dev.apiorm.dialect.convention.ConventionPresets}).
 */
@NullMarked
package dev.apiorm.dialect.convention;

import org.jspecify.annotations.NullMarked;
