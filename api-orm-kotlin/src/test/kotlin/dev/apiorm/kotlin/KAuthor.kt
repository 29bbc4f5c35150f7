package dev.apiorm.kotlin

import dev.apiorm.ApiModel

/**
 * A mutable Kotlin model: every property a `var`, so api-orm updates the instance in place.
 */
// tag::mutable-data-class[]
@ApiModel(endpoint = "/authors/")
data class KAuthor(var id: Long? = null, var name: String = "", var books: Int = 0)
// end::mutable-data-class[]
