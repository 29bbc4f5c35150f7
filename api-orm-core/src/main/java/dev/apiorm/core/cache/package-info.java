/**
 * An HTTP cache of the GETs of a client ({@code api-orm.cache.*}), with the semantics RFC
 * 9111 gives a private cache: {@link dev.apiorm.core.cache.HttpCachePolicy}, a call
 * policy of the exchange pipeline, keeps answers in a Spring
 * {@link org.springframework.cache.Cache} (in this JVM, or shared by every instance in
 * Redis), revalidates them with {@code If-None-Match} and {@code If-Modified-Since}, and
 * forgets them when api-orm writes to their collection.
 */
@NullMarked
package dev.apiorm.core.cache;

import org.jspecify.annotations.NullMarked;
