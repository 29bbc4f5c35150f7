package dev.apiorm.kotlin

import dev.apiorm.ApiRepository

/**
 * The api-orm repository of [KAuthor].
 */
interface KAuthorApi : ApiRepository<KAuthor>
