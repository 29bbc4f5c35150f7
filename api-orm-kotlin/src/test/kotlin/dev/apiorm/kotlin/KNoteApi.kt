package dev.apiorm.kotlin

import dev.apiorm.ApiRepository

/**
 * The api-orm repository of [KNote].
 */
interface KNoteApi : ApiRepository<KNote>
