package dev.apiorm.kotlin

import dev.apiorm.ApiRepository

/**
 * The api-orm repository of [KBook].
 */
interface KBookApi : ApiRepository<KBook>
