/**
 * Rate budgets: how many requests a client may send per period
 * ({@code api-orm.rate-limit.*}), enforced before each attempt leaves by
 * {@link dev.apiorm.core.ratelimit.RateLimitPolicy} on Bucket4j buckets, kept in this JVM
 * ({@link dev.apiorm.core.ratelimit.LocalRateBudgets}) or anywhere a
 * {@link dev.apiorm.core.ratelimit.RateBudgets} keeps them (Redis, shared by every
 * instance).
 */
@NullMarked
package dev.apiorm.core.ratelimit;

import org.jspecify.annotations.NullMarked;
