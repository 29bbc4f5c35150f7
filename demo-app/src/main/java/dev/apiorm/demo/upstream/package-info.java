/**
 * The embedded sample upstream: an in-memory Django REST Framework style API, so that the
 * demo runs with no network and no API of its own.
 */
@NullMarked
package dev.apiorm.demo.upstream;

import org.jspecify.annotations.NullMarked;
