/**
 * The Django REST Framework dialect (django-filter lookups, DRF pagination and errors).
 */
@NullMarked
package dev.apiorm.dialect.drf;

import org.jspecify.annotations.NullMarked;
