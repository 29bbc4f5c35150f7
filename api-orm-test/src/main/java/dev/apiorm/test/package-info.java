/**
 * Test support for code that uses api-orm: the {@link dev.apiorm.test.ApiOrmTest} slice
 * and the in-memory {@link dev.apiorm.test.FakeApi} behind it.
 */
@NullMarked
package dev.apiorm.test;

import org.jspecify.annotations.NullMarked;
